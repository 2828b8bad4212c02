//! Children of school age through the projection, what schools are sized
//! from (the plan's 第八章): primary school (6-11, with its fan),
//! kindergarten (3-5) and junior secondary school (12-14), in persons.

use super::timeline::{chart, About, Timeline, WAN};
use super::{say, titled, View};
use crate::charts::{Chart, ChartId, Spec};
use crate::error::Error;
use crate::i18n::{fixed, signed, Text};
use crate::projection::services::Service;

/// The year the summary compares with 2020: the plan's.
const YEAR: u16 = 2030;

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let of = [
        (Service::Age6To11, Text::new("小学（6—11岁）", "6-11 (primary)")),
        (Service::Age3To5, Text::new("学前（3—5岁）", "3-5 (kindergarten)")),
        (Service::Age12To14, Text::new("初中（12—14岁）", "12-14 (junior sec.)")),
    ];
    let t = Timeline::of_services(view, &of, WAN, lang);
    let (p0, p1) = (view.service_at(Service::Age6To11, 2020), view.service_at(Service::Age6To11, YEAR));
    let (k0, k1) = (view.service_at(Service::Age3To5, 2020), view.service_at(Service::Age3To5, YEAR));
    let n = |v: f64| fixed(v, 0, lang);
    let (primary_2020, primary, primary_change) = (n(p0), n(p1), signed(p1 - p0, 0, lang));
    let (kindergarten_2020, kindergarten, kindergarten_change) = (n(k0), n(k1), signed(k1 - k0, 0, lang));
    let place = view.place();
    let summary = say(
        lang,
        format!(
            "按此情景，{}小学学龄（6—11岁）儿童从2020年的{primary_2020}人变为{YEAR}年的{primary}人（{primary_change}人）；学前（3—5岁）从{kindergarten_2020}人变为{kindergarten}人（{kindergarten_change}人）。",
            place.zh
        ),
        format!(
            "Under this scenario {} has {primary} children of primary-school age (6-11) in {YEAR} against {primary_2020} in 2020 ({primary_change}), and {kindergarten} of kindergarten age (3-5) against {kindergarten_2020} ({kindergarten_change}).",
            place.en
        ),
    );
    let title = titled(view.run, (format!("{}学龄人口预测", place.zh), format!("Projected school-age children, {}", place.en)), lang);
    let notes = vec![say(
        lang,
        "学龄按年龄计（6—11岁小学、12—14岁初中），不是在校人数：入学、流动就学和寄宿不在其中。".into(),
        "School ages by age alone (6-11 primary, 12-14 junior secondary), not enrolment: schooling elsewhere and boarding are not in it."
            .into(),
    )];
    chart(ChartId::ProjectedSchoolAges, &t, width, view, spec, About { title, summary, sources: vec![], notes, decimals: 2 })
}
