//! The old through the projection, what the care of the old is sized from
//! (the plan's 第五章): those aged 60+ (with their fan), 65+ and 80+, in
//! persons.

use super::timeline::{chart, About, Timeline, WAN};
use super::{say, titled, View};
use crate::charts::{Chart, ChartId, Spec};
use crate::error::Error;
use crate::i18n::{fixed, Text};
use crate::projection::services::Service;

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let of = [
        (Service::Age60Plus, Text::new("60岁及以上", "aged 60+")),
        (Service::Age65Plus, Text::new("65岁及以上", "aged 65+")),
        (Service::Age80Plus, Text::new("80岁及以上", "aged 80+")),
    ];
    let t = Timeline::of_services(view, &of, WAN, lang);
    let last = view.last_year();
    let (o0, o1) = (view.service_at(Service::Age80Plus, 2020), view.service_at(Service::Age80Plus, last));
    let (s0, s1) = (view.service_at(Service::Age60Plus, 2020), view.service_at(Service::Age60Plus, last));
    let n = |v: f64| fixed(v, 0, lang);
    let times = fixed(o1 / o0, 1, lang);
    let place = view.place();
    let summary = say(
        lang,
        format!(
            "按此情景，{}80岁及以上人口从2020年的{}人变为{last}年的{}人（{}倍）；60岁及以上从{}人变为{}人。",
            place.zh,
            n(o0),
            n(o1),
            times,
            n(s0),
            n(s1)
        ),
        format!(
            "Under this scenario {} has {} residents aged 80+ in {last} against {} in 2020 ({} times as many), and {} aged 60+ against {}.",
            place.en,
            n(o1),
            n(o0),
            times,
            n(s1),
            n(s0)
        ),
    );
    let title = titled(view.run, (format!("{}老年人口预测", place.zh), format!("Projected older residents, {}", place.en)), lang);
    let notes = vec![say(
        lang,
        "人数不等于照护需求：失能、独居和家庭照护不在预测之中。".into(),
        "Numbers are not needs for care: disability, living alone and care by families are not projected.".into(),
    )];
    chart(ChartId::ProjectedOldAge, &t, width, view, spec, About { title, summary, sources: vec![], notes, decimals: 2 })
}
