//! Coale-Demeny West model life tables (`data/external/cd_west_model_life_tables.csv`,
//! 25 levels by sex, ages 0, 1, 5, ..., 95+, radix 1), interpolated to any
//! life expectancy within their range; and Brass's logit relational model
//! for reaching a life expectancy from any standard.

use super::life_table::LifeTable;
use super::Sex;
use crate::error::{Error, ErrorKind};
use crate::math::{exp, ln};

pub const CD_WEST_FILE: &str = "cd_west_model_life_tables.csv";

// CD_WEST_AGES, CD_WEST_E0 and CD_WEST (millionths), from build.rs.
include!(concat!(env!("OUT_DIR"), "/cd_west.rs"));

/// One level of the model tables for one sex.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelTable {
    pub sex: Sex,
    pub level: u32,
    pub ages: Vec<f64>,
    pub lx: Vec<f64>,
    pub nax: Vec<f64>,
    pub nlx: Vec<f64>,
    pub nmx: Vec<f64>,
    pub e0: f64,
}

/// Every level of the West tables for `sex`, lowest life expectancy first
/// (made from the constants once, then shared).
pub fn cd_west_levels(sex: Sex) -> &'static [ModelTable] {
    static LEVELS: std::sync::OnceLock<[Vec<ModelTable>; 2]> = std::sync::OnceLock::new();
    let [f, m] = LEVELS.get_or_init(|| [levels(Sex::Female), levels(Sex::Male)]);
    if sex == Sex::Female {
        f
    } else {
        m
    }
}

fn levels(sex: Sex) -> Vec<ModelTable> {
    let s = usize::from(sex == Sex::Male);
    let value = |n: u32| f64::from(n) / 1e6;
    CD_WEST[s]
        .iter()
        .zip(CD_WEST_E0[s])
        .zip(1..)
        .map(|((columns, e0), level)| {
            let [lx, nax, nlx, nmx] = columns.map(|c| c.map(value).to_vec());
            ModelTable { sex, level, ages: CD_WEST_AGES.to_vec(), lx, nax, nlx, nmx, e0: value(e0) }
        })
        .collect()
}

/// The range of life expectancy the West tables span for `sex`.
pub fn cd_west_range(sex: Sex) -> (f64, f64) {
    let levels = cd_west_levels(sex);
    (levels[0].e0, levels[levels.len() - 1].e0)
}

/// A West table with life expectancy `e0`, interpolating lx and nLx
/// linearly between the two levels around it. Outside the tables' range the
/// error says the range; [`brass_to_e0`] reaches beyond it.
pub fn cd_west(sex: Sex, e0: f64) -> Result<ModelTable, Error> {
    let levels = cd_west_levels(sex);
    let (lo, hi) = (levels[0].e0, levels[levels.len() - 1].e0);
    // The tables give e0 to about 0.001; a target that close to an end is that end.
    if !e0.is_finite() || e0 < lo - 0.01 || e0 > hi + 0.01 {
        return Err(ErrorKind::OutOfRange { name: "e0", value: e0, min: lo, max: hi }.into());
    }
    let i = levels.windows(2).position(|w| e0 <= w[1].e0).unwrap_or(levels.len() - 2);
    let (a, b) = (&levels[i], &levels[i + 1]);
    let w = ((e0 - a.e0) / (b.e0 - a.e0)).clamp(0.0, 1.0);
    let mix = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(p, q)| p + w * (q - p)).collect::<Vec<f64>>();
    let nlx = mix(&a.nlx, &b.nlx);
    let lx = mix(&a.lx, &b.lx);
    // Death rates consistent with the interpolated columns.
    let k = lx.len();
    let nmx = (0..k).map(|x| if x + 1 < k { (lx[x] - lx[x + 1]) / nlx[x] } else { lx[x] / nlx[x] }).collect();
    let e = nlx.iter().sum::<f64>() / lx[0];
    Ok(ModelTable { sex, level: a.level, ages: a.ages.clone(), lx, nax: mix(&a.nax, &b.nax), nlx, nmx, e0: e })
}

/// logit(l) = ½ ln((1 − l) / l) of each lx of `standard` (−∞ where l = 1).
fn logits(standard: &ModelTable) -> Vec<f64> {
    standard.lx.iter().map(|&l| if l >= 1.0 { f64::NEG_INFINITY } else { 0.5 * ln((1.0 - l.max(1e-12)) / l.max(1e-12)) }).collect()
}

/// Brass's logit model: logit(lx) = α + β · logit(standard lx), keeping the
/// standard's nax and its life expectancy in the open group.
pub fn brass(standard: &ModelTable, alpha: f64, beta: f64) -> ModelTable {
    let k = standard.lx.len();
    let ys = logits(standard);
    let e_open = standard.nlx[k - 1] / standard.lx[k - 1];
    let lx: Vec<f64> = ys.iter().map(|&y| brass_lx(alpha, beta, y)).collect();
    let nlx: Vec<f64> = (0..k)
        .map(|x| {
            if x + 1 < k {
                let n = standard.ages[x + 1] - standard.ages[x];
                n * lx[x + 1] + standard.nax[x] * (lx[x] - lx[x + 1])
            } else {
                lx[x] * e_open
            }
        })
        .collect();
    let nmx = (0..k).map(|x| if x + 1 < k { (lx[x] - lx[x + 1]) / nlx[x] } else { 1.0 / e_open }).collect();
    let e = nlx.iter().sum::<f64>();
    ModelTable { sex: standard.sex, level: standard.level, ages: standard.ages.clone(), lx, nax: standard.nax.clone(), nlx, nmx, e0: e }
}

/// Brass's lx at α and β of a standard's logit `y` (1 where y is infinite).
fn brass_lx(alpha: f64, beta: f64, y: f64) -> f64 {
    if y.is_infinite() {
        1.0
    } else {
        1.0 / (1.0 + exp(2.0 * (alpha + beta * y)))
    }
}

/// With slope `beta`, the α that gives life expectancy `e0` (bisection on
/// e0 alone, which falls as α rises; 64 halvings reach the limit of f64).
///
/// Each halving first asks a cheap e0, exp(2α)·exp(2βy) with the second
/// factor computed once per table: one exp a step instead of one an age.
/// Where it is further than [`CHEAP_E0_GUARD`] from the target it decides
/// as the exact e0 would; nearer, the exact e0 decides. The halvings, and so
/// the table, are then those of the exact e0 alone to the last bit (a test
/// checks every table of the projections' life-table grid).
pub fn brass_to_e0_with(standard: &ModelTable, e0: f64, beta: f64) -> Result<ModelTable, Error> {
    if !e0.is_finite() || !(15.0..=100.0).contains(&e0) {
        return Err(ErrorKind::OutOfRange { name: "e0", value: e0, min: 15.0, max: 100.0 }.into());
    }
    let e = BrassE0::new(standard, beta);
    let (mut lo, mut hi) = (-6.0, 6.0);
    if e.exact(lo) < e0 || e.exact(hi) > e0 {
        return Err(ErrorKind::OutOfRange { name: "e0", value: e0, min: e.exact(hi), max: e.exact(lo) }.into());
    }
    // Once lo and hi are neighbours the same mid comes again: asked once.
    let mut last = (f64::NAN, false);
    for _ in 0..64 {
        let mid = (lo + hi) / 2.0;
        let cheap = e.cheap(mid);
        let above = if (cheap - e0).abs() > CHEAP_E0_GUARD {
            cheap > e0
        } else {
            if mid.to_bits() != last.0.to_bits() {
                last = (mid, e.exact(mid) > e0);
            }
            last.1
        };
        if above {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(brass(standard, (lo + hi) / 2.0, beta))
}

/// How far (years) the cheap e0 of [`brass_to_e0_with`] may be from the
/// exact one, with a wide margin: it differs by a few rounding errors of
/// each age's lx: at most 4.3e-14 years over the West tables, six slopes
/// from 0.5 to 3 and α from −6 to 6 by 0.01 (a test measures it).
const CHEAP_E0_GUARD: f64 = 1e-9;

/// The life expectancy of Brass's model on a standard at slope β, as a
/// function of α: exactly as [`brass`] computes it, and cheaply.
struct BrassE0<'a> {
    standard: &'a ModelTable,
    beta: f64,
    ys: Vec<f64>,
    /// exp(2βy) of each age's logit (unused where y is infinite).
    slopes: Vec<f64>,
    e_open: f64,
}

impl<'a> BrassE0<'a> {
    fn new(standard: &'a ModelTable, beta: f64) -> BrassE0<'a> {
        let k = standard.lx.len();
        let ys = logits(standard);
        let slopes = ys.iter().map(|y| exp(2.0 * beta * y)).collect();
        BrassE0 { standard, beta, ys, slopes, e_open: standard.nlx[k - 1] / standard.lx[k - 1] }
    }

    /// The e0 of [`brass`]'s table at `alpha`, from each age's lx.
    fn sum(&self, l: impl Fn(usize) -> f64) -> f64 {
        let (s, k) = (self.standard, self.ys.len());
        let mut total = 0.0;
        let mut lx = l(0);
        for x in 0..k {
            if x + 1 < k {
                let next = l(x + 1);
                total += (s.ages[x + 1] - s.ages[x]) * next + s.nax[x] * (lx - next);
                lx = next;
            } else {
                total += lx * self.e_open;
            }
        }
        total
    }

    fn exact(&self, alpha: f64) -> f64 {
        self.sum(|x| brass_lx(alpha, self.beta, self.ys[x]))
    }

    fn cheap(&self, alpha: f64) -> f64 {
        let a = exp(2.0 * alpha);
        self.sum(|x| if self.ys[x].is_infinite() { 1.0 } else { 1.0 / (1.0 + a * self.slopes[x]) })
    }
}

/// [`brass_to_e0_with`] a slope of 1: the standard's age pattern, shifted.
pub fn brass_to_e0(standard: &ModelTable, e0: f64) -> Result<ModelTable, Error> {
    brass_to_e0_with(standard, e0, 1.0)
}

/// The slope β and the table with both life expectancy `e0` and infant
/// mortality `q0` (deaths before age 1 per birth). At a given e0 a steeper
/// slope lowers infant mortality, so β is found by bisection.
pub fn brass_fit(standard: &ModelTable, e0: f64, q0: f64) -> Result<(f64, ModelTable), Error> {
    if !q0.is_finite() || !(0.0005..=0.5).contains(&q0) {
        return Err(ErrorKind::OutOfRange { name: "q0", value: q0, min: 0.0005, max: 0.5 }.into());
    }
    let q0_of = |t: &ModelTable| 1.0 - t.lx[1] / t.lx[0];
    let (mut lo, mut hi) = (0.3, 3.0);
    let (q_lo, q_hi) = (q0_of(&brass_to_e0_with(standard, e0, lo)?), q0_of(&brass_to_e0_with(standard, e0, hi)?));
    if !(q_hi <= q0 && q0 <= q_lo) {
        return Err(ErrorKind::OutOfRange { name: "q0", value: q0, min: q_hi, max: q_lo }.into());
    }
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if q0_of(&brass_to_e0_with(standard, e0, mid)?) > q0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let beta = (lo + hi) / 2.0;
    Ok((beta, brass_to_e0_with(standard, e0, beta)?))
}

/// A life table at life expectancy `e0`: the West tables where they reach,
/// Brass's model on the highest West level beyond.
pub fn life_table_for_e0(sex: Sex, e0: f64) -> Result<ModelTable, Error> {
    let (lo, hi) = cd_west_range(sex);
    if e0 >= lo && e0 <= hi {
        cd_west(sex, e0)
    } else {
        let levels = cd_west_levels(sex);
        let standard = if e0 > hi { &levels[levels.len() - 1] } else { &levels[0] };
        brass_to_e0(standard, e0)
    }
}

impl ModelTable {
    /// A full life table computed from this table's rates and nax.
    pub fn life_table(&self) -> Result<LifeTable, Error> {
        LifeTable::from_rates(&self.ages, &self.nmx, Some(&self.nax), self.sex, 1.0)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The bisection as it was before the cheap e0: every halving asks
    /// the exact e0.
    pub(crate) fn brass_to_e0_reference(standard: &ModelTable, e0: f64, beta: f64) -> ModelTable {
        let e = BrassE0::new(standard, beta);
        let (mut lo, mut hi) = (-6.0, 6.0);
        for _ in 0..64 {
            let mid = (lo + hi) / 2.0;
            if e.exact(mid) > e0 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        brass(standard, (lo + hi) / 2.0, beta)
    }

    fn same_bits(a: &ModelTable, b: &ModelTable) -> bool {
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        bits(&a.lx) == bits(&b.lx) && bits(&a.nlx) == bits(&b.nlx) && bits(&a.nmx) == bits(&b.nmx) && a.e0.to_bits() == b.e0.to_bits()
    }

    #[test]
    fn the_cheap_e0_is_within_a_thousandth_of_its_guard_and_the_tables_are_the_exact_bisections() {
        let mut worst: f64 = 0.0;
        for sex in [Sex::Female, Sex::Male] {
            for standard in cd_west_levels(sex).iter().step_by(4) {
                for beta in [0.5, 0.8, 1.0, 1.3, 2.0, 3.0] {
                    let e = BrassE0::new(standard, beta);
                    for i in 0..=1200 {
                        let alpha = -6.0 + 0.01 * i as f64;
                        worst = worst.max((e.cheap(alpha) - e.exact(alpha)).abs());
                    }
                    for e0 in (0..16).map(|i| 20.0 + 5.0 * i as f64 + 0.37) {
                        if let Ok(fast) = brass_to_e0_with(standard, e0, beta) {
                            assert!(
                                same_bits(&fast, &brass_to_e0_reference(standard, e0, beta)),
                                "{sex:?} level {} beta {beta} e0 {e0}",
                                standard.level
                            );
                        }
                    }
                }
            }
        }
        assert!(worst < CHEAP_E0_GUARD / 1000.0, "the cheap e0 is {worst:e} years off");
    }

    #[test]
    fn loads_25_levels_per_sex_from_e0_20_to_80() {
        let f = cd_west_levels(Sex::Female);
        assert_eq!(f.len(), 25);
        assert!((f[0].e0 - 20.0).abs() < 0.01 && (f[24].e0 - 80.0).abs() < 0.01);
        assert!(f.windows(2).all(|w| w[1].e0 > w[0].e0));
        let m = cd_west_levels(Sex::Male);
        assert!((m[24].e0 - 76.268).abs() < 0.01);
    }

    #[test]
    fn every_level_is_reproduced_from_its_own_rates() {
        // A textbook check of the life-table machinery: the CSV's nmx and
        // nax give back its e0 (the table was computed that way).
        for sex in [Sex::Female, Sex::Male] {
            for t in cd_west_levels(sex).iter() {
                let lt = t.life_table().unwrap();
                // The CSV prints rates to six decimals: e0 agrees to a few hundredths.
                assert!((lt.e0() - t.e0).abs() < 0.02, "{sex:?} level {}: {} vs {}", t.level, lt.e0(), t.e0);
            }
        }
    }

    #[test]
    fn interpolates_to_any_e0_in_range() {
        for e0 in [20.0, 35.5, 72.26, 75.04, 78.0, 80.0] {
            let t = cd_west(Sex::Female, e0).unwrap();
            assert!((t.e0 - e0).abs() < 0.05, "{e0}: {}", t.e0);
        }
        let e = cd_west(Sex::Female, 85.0).unwrap_err().to_string();
        assert!(e.contains("e0") && e.contains("80"), "{e}");
    }

    #[test]
    fn brass_fits_life_expectancy_and_infant_mortality_together() {
        let standard = cd_west(Sex::Female, 78.0).unwrap();
        let (beta, t) = brass_fit(&standard, 78.0, 0.0055).unwrap();
        assert!((t.e0 - 78.0).abs() < 1e-6);
        assert!((1.0 - t.lx[1] - 0.0055).abs() < 1e-9);
        assert!(beta > 1.0, "lower infant mortality than the West pattern needs a steeper slope: {beta}");
        assert!(brass_fit(&standard, 78.0, 0.9).is_err());
    }

    #[test]
    fn brass_reaches_a_target_beyond_the_tables() {
        let top = cd_west_levels(Sex::Male).last().unwrap().clone();
        for target in [70.0, 78.0, 82.0] {
            let t = brass_to_e0(&top, target).unwrap();
            assert!((t.e0 - target).abs() < 1e-6, "{target}: {}", t.e0);
            assert!(t.lx.windows(2).all(|w| w[1] <= w[0]));
        }
        let t = life_table_for_e0(Sex::Male, 79.0).unwrap();
        assert!((t.e0 - 79.0).abs() < 1e-6);
        assert!(brass_to_e0(&top, 120.0).is_err());
    }
}
