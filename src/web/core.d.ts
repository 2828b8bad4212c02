// The plain data the core's methods take and give (the `Core` class itself
// is declared by wasm-bindgen from src/web/mod.rs). A native test checks
// that every id of the core is in these unions.
export type Lang = "zh" | "en";
export type Theme = "light" | "dark";
export type ChartId =
  | "resident-registered" | "age-structure" | "schooling" | "county-population" | "county-share-change"
  | "density-map" | "density-bars" | "urbanisation" | "gdp-per-capita" | "county-births-ageing" | "main-indicators"
  | "pyramid" | "projected-population" | "projected-ageing" | "projected-working-age" | "projected-dependency"
  | "projected-births-deaths" | "projected-urbanisation" | "projected-school-ages" | "projected-old-age" | "projected-childcare"
  | "county-map" | "county-ranked" | "county-groups";
export type RegionId =
  | "liangshan" | "xichang" | "muli" | "yanyuan" | "dechang" | "huili" | "huidong" | "ningnan" | "puge" | "butuo"
  | "jinyang" | "zhaojue" | "xide" | "mianning" | "yuexi" | "ganluo" | "meigu" | "leibo";
export type PresetId = "plan" | "constant" | "low" | "high" | "zero-migration";
export type ServiceId =
  | "age_0_2" | "age_3_5" | "age_6_11" | "age_12_14" | "age_15_17" | "age_18_22" | "women_15_49" | "age_15_59" | "age_15_64"
  | "age_60_plus" | "age_65_plus" | "age_80_plus" | "childcare_places_4_5";
export type MeasureId = "change" | "persons" | "value" | "share";
export type Status = "on_track" | "at_risk" | "off_track" | "assumed" | "outside";

export interface DataTable { columns: string[]; rows: string[][]; }
export interface Chart {
  id: ChartId; lang: Lang; title: string; summary: string; source: string;
  notes: string[]; width: number; height: number; svg: string; table: DataTable;
}
export interface KeyFigure { id: string; label: string; value: string; source: string; quote: string; }
export interface Check {
  id: string; claim: string; published: number; publishedText: string;
  recomputed: number; recomputedLow: number; recomputedHigh: number;
  difference: number; verdict: "agrees" | "disagrees"; method: string; source: string;
}
export interface Observation { id: string; text: string; source: string; }

export interface Control {
  param: string; min: number; max: number; step: number; bigStep: number; decimals: number; label: string; unit: string;
}
export interface Named<Id> { id: Id; name: string; }
export interface Controls {
  controls: Control[]; presets: Named<PresetId>[]; regions: Named<RegionId>[]; years: [number, number];
  /** What the counties can be compared on, and how. */
  services: Named<ServiceId>[]; measures: Named<MeasureId>[];
}

export interface PageState {
  lang: Lang; large: boolean; theme: Theme | null; chart: ChartId | null;
  region: RegionId; year: number; scenario: { preset: PresetId };
  /** The counties' comparison: a service population, what of it, and the year. */
  compare: { service: ServiceId; measure: MeasureId; year: number };
}
/** A correction of the URL or the attributes, in both languages. */
export interface Notice { param: string; zh: string; en: string; }
export interface ParsedState {
  state: PageState; notices: Notice[];
  /** The canonical query: only what differs from the default. */
  query: string;
  /** Everything a projection depends on: two states with one key have one projection. */
  key: string;
  /** What each control shows, and what it resets to: [param, value]. */
  values: [string, number][]; presetValues: [string, number][];
}

export interface HeadlineItem { label: string; value: string; }
export interface TrackerTable { caption: string; table: DataTable; statuses: Status[]; intervals: boolean; }
export interface Explored {
  key: string; charts: Chart[]; tracker: TrackerTable | null; headline: HeadlineItem[] | null;
  uploaded: RegionId | null; intervals: boolean;
}
/** The probabilistic runs of one state, handed from one core to another as they are. */
export interface Fans {
  key: string;
  /** The prefecture's alternative bases (0 where its base is the reader's table). */
  bases: number;
  /** The region's and the prefecture's runs as numbers (src/projection/packed.rs). */
  packed: Float64Array;
}

export interface UploadResult {
  ok: boolean;
  /** Accepted: what the page says. */
  message: string;
  /** Refused: every problem, each in one sentence. */
  problems: string[];
  /** Accepted: what the reader should know about the file. */
  notes: string[];
  /** Accepted: the table's token in state keys. */
  token: string | null;
}

export interface Uncertainty {
  tfrSd: number; tfrPersistence: number; e0Sd: number; e0Persistence: number; migrationSd: number; migrationPersistence: number;
}
export interface MethodFigures {
  tfr2020: number; netMigrationPerYear: number; e0Female: number; e0Male: number; births2020: number;
  constraints: number; constraintsMet: number; uncertainty: Uncertainty; baseDraws: number; tiltSd: number;
  plan: { tfr2030: number; e0In2025: number; e0In2030: number; e0GainPerYear: number };
  srb: number; e0In2020: number; imr2020: number; tfrVariant: number;
  xichangNetMigrationPerYear: number; cohort0To14Excess: number;
}
export interface Methods { figures: MethodFigures; fit: DataTable; }
export interface DecompositionWords { summary: string; note: string; caption: string; }
