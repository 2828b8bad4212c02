//! Demographic building blocks: life tables, model life tables, fertility
//! and migration schedules, graduation of age groups.

pub mod fertility;
pub mod graduation;
pub mod life_table;
pub mod migration;
pub mod model_life_tables;
pub mod mortality;
pub mod single_year;

/// Sex, for the conventions that differ between women and men.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
}
