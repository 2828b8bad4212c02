//! The childcare places the plan's norm implies through the projection
//! (专栏2: 每千人口拥有3岁以下婴儿托位数达到4.5张以上), with their fan: the
//! norm applied to the projected population, beside the children aged 0-2
//! it is for.

use super::timeline::{chart, About, Timeline};
use super::{say, titled, View};
use crate::charts::{Chart, ChartId, Spec};
use crate::data::targets::TargetId;
use crate::error::Error;
use crate::i18n::{fixed, Text};
use crate::projection::services::{norm, Service};

/// The year the summary gives: the plan's.
const YEAR: u16 = 2030;

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let of = [(Service::ChildcarePlaces, Text::new("按每千人4.5个托位", "places at the norm"))];
    let t = Timeline::of_services(view, &of, (Text::new("个托位", "places"), 1.0), lang);
    let (places, kids) = (view.service_at(Service::ChildcarePlaces, YEAR), view.service_at(Service::Age0To2, YEAR));
    let n = |v: f64| fixed(v, 0, lang);
    // As the plan prints them: 4.5, 10, 8.
    let norm_text = |id| {
        let v = norm(id);
        fixed(v, usize::from(v.fract() != 0.0), lang)
    };
    let rate = norm_text(TargetId::ChildcarePlacesUnder3);
    let place = view.place();
    let summary = say(
        lang,
        format!(
            "按规划每千人口{rate}个3岁以下婴幼儿托位的标准，{}{YEAR}年的人口需要约{}个托位；当年0—2岁儿童约{}人，约每{}名儿童一个托位。",
            place.zh,
            n(places),
            n(kids),
            fixed(kids / places, 0, lang)
        ),
        format!(
            "At the plan's norm of {rate} places per 1,000 residents, {}'s {YEAR} population implies about {} childcare places for children under 3: one for every {} of its {} children aged 0-2.",
            place.en,
            n(places),
            fixed(kids / places, 0, lang),
            n(kids)
        ),
    );
    let title = titled(view.run, (format!("{}托位需求预测", place.zh), format!("Projected childcare places, {}", place.en)), lang);
    let (new, old) = (norm_text(TargetId::ChildcarePlacesNewAreas), norm_text(TargetId::ChildcarePlacesOldAreas));
    let notes = vec![say(
        lang,
        format!("规划另要求新建居住区每千人不少于{new}个托位、老旧小区不少于{old}个：这是居住区的配建标准，不是对人口居住分布的预测。"),
        format!("The plan also asks for at least {new} places per 1,000 residents in new residential areas and {old} in old ones: standards for building, not a projection of where people live."),
    )];
    let sources = vec![TargetId::ChildcarePlacesUnder3.target().at.cite(lang)];
    chart(ChartId::ProjectedChildcare, &t, width, view, spec, About { title, summary, sources, notes, decimals: 0 })
}
