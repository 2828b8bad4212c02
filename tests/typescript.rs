//! The TypeScript declarations of the core's plain data (src/web/core.d.ts,
//! against which `tsc` checks www/) name every id the core gives or takes.

use liangshan_pop::charts::ChartId;
use liangshan_pop::data::counties::Region;
use liangshan_pop::projection::compare::Measure;
use liangshan_pop::projection::scenario::Preset;
use liangshan_pop::projection::services::Service;

const DECLARATIONS: &str = include_str!("../src/web/core.d.ts");

/// The quoted members of `export type NAME = ...;`.
fn union(name: &str) -> Vec<String> {
    let start = DECLARATIONS.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("no type {name}"));
    let body = &DECLARATIONS[start..];
    let body = &body[..body.find(';').expect("a type ends with ;")];
    body.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

#[test]
fn every_id_is_declared() {
    let mut charts: Vec<String> = ChartId::all().map(|c| c.slug().to_string()).collect();
    let mut regions: Vec<String> = Region::all().map(|r| r.slug().to_string()).collect();
    let mut presets: Vec<String> = Preset::ALL.iter().map(|p| p.slug().to_string()).collect();
    let mut services: Vec<String> = Service::ALL.iter().map(|s| s.slug().to_string()).collect();
    let mut measures: Vec<String> = Measure::ALL.iter().map(|m| m.slug().to_string()).collect();
    for (name, ids) in [
        ("ChartId", &mut charts),
        ("RegionId", &mut regions),
        ("PresetId", &mut presets),
        ("ServiceId", &mut services),
        ("MeasureId", &mut measures),
    ] {
        let mut declared = union(name);
        declared.sort();
        ids.sort();
        assert_eq!(&declared, ids, "{name}");
    }
    assert_eq!(union("Lang"), ["zh", "en"]);
    assert_eq!(union("Theme"), ["light", "dark"]);
}

#[test]
fn statuses_are_declared_as_the_core_writes_them() {
    use liangshan_pop::projection::targets::Status;
    let written: Vec<String> = [Status::OnTrack, Status::AtRisk, Status::OffTrack, Status::Assumed, Status::Outside]
        .iter()
        .map(|s| serde_json::to_value(s).unwrap().as_str().unwrap().to_string())
        .collect();
    assert_eq!(union("Status"), written);
}
