//! The indicator and projection core of Liangshan Prefecture's population
//! plan (《凉山州人口发展中长期规划》, 2024), with SVG charts.
//!
//! Data flows one way: the plan's tables ([`data`]) → derived indicators and
//! the plan audit ([`indicators`]) → chart specs → SVG strings ([`charts`]) →
//! the page. The core knows nothing of WebAssembly; [`web`] (wasm32 only) is
//! the one boundary to JavaScript, and `src/bin` the command line.

/// Serialises a typed id as its name in URLs and data (`slug()`), and,
/// given a noun, reads it back from one (`from_slug`), naming the noun and
/// the first 40 characters of a name it does not know: written once for
/// every id of the core.
macro_rules! serde_by_slug {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.slug())
            }
        }
    };
    ($t:ty, $what:literal) => {
        serde_by_slug!($t);
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(d)?;
                <$t>::from_slug(&s)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown {} {}", $what, s.chars().take(40).collect::<String>())))
            }
        }
    };
}

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

#[cfg(test)]
mod tests {
    use crate::charts::ChartId;
    use crate::data::counties::{Region, XICHANG};
    use crate::projection::compare::Measure;
    use crate::projection::services::Service;

    #[test]
    fn ids_travel_as_their_slugs_and_an_unknown_one_is_named() {
        for id in ChartId::PLAN.into_iter().chain(ChartId::PROJECTION) {
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.slug()));
            assert_eq!(serde_json::from_str::<ChartId>(&json).unwrap(), id);
        }
        for s in Service::ALL {
            assert_eq!(serde_json::from_str::<Service>(&serde_json::to_string(&s).unwrap()).unwrap(), s);
        }
        for m in Measure::ALL {
            assert_eq!(serde_json::from_str::<Measure>(&serde_json::to_string(&m).unwrap()).unwrap(), m);
        }
        assert_eq!(serde_json::to_string(&Region::County(XICHANG)).unwrap(), "\"xichang\"");
        assert_eq!(serde_json::to_string(&XICHANG).unwrap(), "\"xichang\"");
        let e = serde_json::from_str::<Service>(&format!("\"{}\"", "x".repeat(60))).unwrap_err().to_string();
        assert!(e.starts_with(&format!("unknown service {}", "x".repeat(40))) && !e.contains(&"x".repeat(41)), "{e}");
        assert!(serde_json::from_str::<ChartId>("\"nope\"").unwrap_err().to_string().starts_with("unknown chart nope"));
    }
}
