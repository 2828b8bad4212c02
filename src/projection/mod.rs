//! Population projection by the cohort-component method.
//!
//! [`ccmpp`] is the engine: one sex or two, age groups as wide as the step,
//! an open last group, survival from life-table person-years, births from
//! age-specific fertility, net migration half at the start and half at the
//! end of each step (Preston, Heuveline & Guillot 2001, ch. 6). [`spec`]
//! reads and validates the JSON contract of `liangshan-pop project`.

pub mod base;
pub mod ccmpp;
pub mod compare;
pub mod counties;
pub mod hindcast;
pub mod indicator;
pub mod packed;
pub mod scenario;
pub mod services;
pub mod spec;
pub mod stochastic;
pub mod targets;
pub mod upload;
pub mod urbanisation;

pub use ccmpp::{project, Prepared, Projection};
pub use spec::Spec;
