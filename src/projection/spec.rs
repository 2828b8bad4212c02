//! The projection spec: the JSON contract of `liangshan-pop project`, read
//! strictly. Every problem is reported with the field and index at fault.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// A value given once for the whole projection or once per step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PerStep<T> {
    Each(Vec<T>),
    Constant(T),
}

impl<T> PerStep<T> {
    /// The value for step `k` (0-based).
    pub fn at(&self, k: usize) -> &T {
        match self {
            PerStep::Constant(v) => v,
            PerStep::Each(vs) => &vs[k.min(vs.len().saturating_sub(1))],
        }
    }

    /// `f` of every step's value, kept per step or constant as this is.
    pub fn map<U>(&self, f: impl FnMut(&T) -> U) -> PerStep<U> {
        let mut f = f;
        match self {
            PerStep::Constant(v) => PerStep::Constant(f(v)),
            PerStep::Each(vs) => PerStep::Each(vs.iter().map(f).collect()),
        }
    }

    fn each(&self) -> Vec<&T> {
        match self {
            PerStep::Constant(v) => vec![v],
            PerStep::Each(vs) => vs.iter().collect(),
        }
    }
}

/// One sex: its population at the base year, its life table, its migrants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sex {
    /// Population by age group at the base year.
    pub population: Vec<f64>,
    /// Person-years lived in each age group by a life-table cohort of
    /// `radix` births; for the open group, all person-years above its lower age.
    #[serde(rename = "nLx")]
    pub nlx: PerStep<Vec<f64>>,
    /// Net migrants over one step by age group.
    #[serde(default)]
    pub net_migrants: Option<PerStep<Vec<f64>>>,
}

/// The whole spec.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    pub base_year: i32,
    /// Years per step, equal to the width of every closed age group.
    pub step: u32,
    pub steps: u32,
    pub radix: f64,
    pub female: Sex,
    #[serde(default)]
    pub male: Option<Sex>,
    /// Births per woman per year in each age group.
    pub asfr: PerStep<Vec<f64>>,
    /// Male births per female birth.
    pub srb: PerStep<f64>,
    /// Net migrants by sex (the layout); overrides each sex's own.
    #[serde(default)]
    pub net_migrants: Option<Migrants>,
}

/// `net_migrants: { female: [...], male: [...] }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migrants {
    pub female: Option<PerStep<Vec<f64>>>,
    pub male: Option<PerStep<Vec<f64>>>,
}

/// The most steps and age groups a spec may ask for: far beyond any real
/// use, and small enough that no spec can exhaust memory.
pub const MAX_STEPS: u32 = 1000;
pub const MAX_GROUPS: usize = 200;
/// The most persons (or net migrants) an age group may hold: a thousand
/// times the world's population, so that no real spec meets it and no
/// spec's sums can overflow from its inputs alone.
pub const MAX_PERSONS: f64 = 1e13;
/// The most births per woman per year: one a year is beyond any population.
pub const MAX_ASFR: f64 = 1.0;
/// The most male births per female birth.
pub const MAX_SRB: f64 = 10.0;

fn invalid(field: String, message: String) -> Error {
    ErrorKind::Spec { field, message }.into()
}

/// A field's name, built only when there is an error to report (valid
/// specs are checked often, in the stochastic runs thousands of times).
type Name<'a> = &'a dyn Fn() -> String;

fn check_vector(field: Name, v: &[f64], len: usize) -> Result<(), Error> {
    if v.len() != len {
        return Err(invalid(field(), format!("has {} values; the population has {len} age groups", v.len())));
    }
    match v.iter().position(|x| !x.is_finite()) {
        Some(i) => Err(invalid(format!("{}[{i}]", field()), "is not a finite number".into())),
        None => Ok(()),
    }
}

fn check_non_negative(field: Name, v: &[f64]) -> Result<(), Error> {
    match v.iter().position(|x| *x < 0.0) {
        Some(i) => Err(invalid(format!("{}[{i}]", field()), format!("is negative ({})", v[i]))),
        None => Ok(()),
    }
}

fn check_at_most(field: Name, v: &[f64], max: f64, what: &str) -> Result<(), Error> {
    match v.iter().position(|x| x.abs() > max) {
        Some(i) => Err(invalid(format!("{}[{i}]", field()), format!("is {}: at most {max:e} {what}", v[i]))),
        None => Ok(()),
    }
}

/// `name[k]` for a per-step value, `name` for a constant one.
fn step_name<T>(name: &str, v: &PerStep<T>, k: usize) -> String {
    if matches!(v, PerStep::Each(_)) {
        format!("{name}[{k}]")
    } else {
        name.to_string()
    }
}

fn check_per_step<T>(field: &str, v: &PerStep<T>, steps: u32) -> Result<(), Error> {
    if let PerStep::Each(vs) = v {
        if vs.len() != steps as usize {
            return Err(invalid(field.to_string(), format!("gives {} steps; the spec has steps = {steps}", vs.len())));
        }
    }
    Ok(())
}

impl Spec {
    /// Reads a spec from JSON, then validates it (natively: the CLI and the
    /// tests; the page builds its specs from typed settings).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Spec, Error> {
        let spec: Spec = serde_json::from_str(text).map_err(|e| invalid("(JSON)".into(), format!("cannot be read as a spec: {e}")))?;
        spec.validate()?;
        Ok(spec)
    }

    /// Net migrants of one sex: the top-level field first, then the sex's own.
    pub fn migrants(&self, female: bool) -> Option<&PerStep<Vec<f64>>> {
        let top = self.net_migrants.as_ref().and_then(|m| if female { m.female.as_ref() } else { m.male.as_ref() });
        let own = if female { self.female.net_migrants.as_ref() } else { self.male.as_ref().and_then(|m| m.net_migrants.as_ref()) };
        top.or(own)
    }

    /// One life table's person-years: no more than the radix can live in a
    /// step, positive at the start, never rising with age, and none after a
    /// group where nobody survives.
    fn check_nlx(&self, field: Name, l: &[f64], groups: usize) -> Result<(), Error> {
        let most = f64::from(self.step) * self.radix;
        if l[0] > most * (1.0 + 1e-12) {
            return Err(invalid(
                format!("{}[0]", field()),
                format!("is {}: more person-years than {} births can live in {} years ({most})", l[0], self.radix, self.step),
            ));
        }
        if l[0] <= 0.0 {
            return Err(invalid(format!("{}[0]", field()), "must be positive".into()));
        }
        for i in 1..groups - 1 {
            if l[i] > l[i - 1] * (1.0 + 1e-12) {
                return Err(invalid(
                    format!("{}[{i}]", field()),
                    format!("is {}, more than the group before ({}): survival cannot increase with age", l[i], l[i - 1]),
                ));
            }
        }
        if let Some(i) = (0..groups - 1).find(|&i| l[i] == 0.0 && l[i + 1] > 0.0) {
            return Err(invalid(format!("{}[{}]", field(), i + 1), "is positive after a group where nobody survives".into()));
        }
        Ok(())
    }

    /// Every rule of the contract; the first broken one is the error.
    pub fn validate(&self) -> Result<(), Error> {
        if self.step == 0 {
            return Err(invalid("step".into(), "must be at least 1".into()));
        }
        if self.steps > MAX_STEPS {
            return Err(invalid("steps".into(), format!("is {}; at most {MAX_STEPS}", self.steps)));
        }
        if !self.radix.is_finite() || self.radix <= 0.0 {
            return Err(invalid("radix".into(), "must be a positive number".into()));
        }
        let groups = self.female.population.len();
        if groups < 2 {
            return Err(invalid("female.population".into(), "needs at least two age groups (the last is open)".into()));
        }
        if groups > MAX_GROUPS {
            return Err(invalid("female.population".into(), format!("has {groups} age groups; at most {MAX_GROUPS}")));
        }
        let mut sexes = vec![("female", &self.female)];
        if let Some(m) = &self.male {
            sexes.push(("male", m));
        }
        for (name, sex) in &sexes {
            let pop_name = || format!("{name}.population");
            check_vector(&pop_name, &sex.population, groups)?;
            check_non_negative(&pop_name, &sex.population)?;
            check_at_most(&pop_name, &sex.population, MAX_PERSONS, "persons in an age group")?;
            check_per_step(&format!("{name}.nLx"), &sex.nlx, self.steps)?;
            for (k, l) in sex.nlx.each().into_iter().enumerate() {
                let field = || step_name(&format!("{name}.nLx"), &sex.nlx, k);
                check_vector(&field, l, groups)?;
                check_non_negative(&field, l)?;
                self.check_nlx(&field, l, groups)?;
            }
        }
        for (female, name) in [(true, "female"), (false, "male")] {
            if let Some(m) = self.migrants(female) {
                check_per_step(&format!("net_migrants.{name}"), m, self.steps)?;
                for (k, v) in m.each().into_iter().enumerate() {
                    let field = || step_name(&format!("net_migrants.{name}"), m, k);
                    check_vector(&field, v, groups)?;
                    check_at_most(&field, v, MAX_PERSONS, "migrants in an age group")?;
                }
            }
        }
        if self.male.is_none() && self.net_migrants.as_ref().is_some_and(|m| m.male.is_some()) {
            return Err(invalid("net_migrants.male".into(), "is given but there is no male population".into()));
        }
        check_per_step("asfr", &self.asfr, self.steps)?;
        for (k, f) in self.asfr.each().into_iter().enumerate() {
            let field = || step_name("asfr", &self.asfr, k);
            check_vector(&field, f, groups)?;
            check_non_negative(&field, f)?;
            check_at_most(&field, f, MAX_ASFR, "births per woman per year")?;
            if f[0] > 0.0 {
                return Err(invalid(format!("{}[0]", field()), "must be 0: the first age group is born during the step".into()));
            }
        }
        check_per_step("srb", &self.srb, self.steps)?;
        for (k, s) in self.srb.each().into_iter().enumerate() {
            if !s.is_finite() || *s < 0.0 || *s > MAX_SRB {
                return Err(invalid(step_name("srb", &self.srb, k), format!("must be a number from 0 to {MAX_SRB}, not {s}")));
            }
        }
        Ok(())
    }
}
