//! The key figures of 2020 that open the page (their words are in
//! [`crate::present::figures`]).

use crate::data::facts::Fact;
use crate::error::Error;

/// The figures, in the order the page shows them.
pub const KEY_FIGURE_IDS: [&str; 8] = [
    "resident_pop_2020",
    "registered_pop_2020",
    "urbanisation_2020",
    "share_60plus_2020",
    "share_0_14_2020",
    "life_expectancy_2020",
    "minority_share_2020",
    "schooling_2020",
];

/// The key figures, in the order the page shows them.
pub fn key_figures() -> Result<Vec<&'static Fact>, Error> {
    KEY_FIGURE_IDS.iter().map(|id| crate::data::facts::required(id)).collect()
}
