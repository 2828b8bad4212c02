//! The indicator and projection core of Liangshan Prefecture's population
//! plan (《凉山州人口发展中长期规划》, 2024), with SVG charts.
//!
//! Data flows one way: the plan's tables ([`data`]) → derived indicators and
//! the plan audit ([`indicators`]) → chart specs → SVG strings ([`charts`]) →
//! the page. The core knows nothing of WebAssembly; [`web`] (wasm32 only) is
//! the one boundary to JavaScript, and `src/bin` the command line.

pub mod charts;
pub mod csv;
pub mod data;
pub mod demography;
pub mod error;
pub mod explorer;
pub mod i18n;
pub mod indicators;
pub mod math;
pub mod model;
pub mod num;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod present;
pub mod projection;
pub mod state;
pub mod upload;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::{Error, ErrorKind};
pub use i18n::Lang;
