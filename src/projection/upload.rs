//! A reader's own population table in place of the estimate (the table
//! itself is read and checked by [`crate::upload`]).

use super::base::BasePopulation;

/// The reader's population in place of the estimate: the same life tables,
/// births and fertility recomputed from it, and no longer an estimate.
pub fn replace_base(estimate: &BasePopulation, female: Vec<f64>, male: Vec<f64>) -> BasePopulation {
    let pattern = crate::demography::fertility::relational_gompertz(1.0, 0.0, 1.0).unwrap_or([0.0; 8]);
    let exposure: f64 = crate::demography::fertility::GROUPS
        .iter()
        .zip(pattern)
        .map(|(g, f)| f * female[*g as usize..*g as usize + 5].iter().sum::<f64>())
        .sum();
    let ratio = estimate.births / (estimate.female[0] + estimate.male[0]).max(1.0);
    let births = (female[0] + male[0]) * ratio;
    BasePopulation {
        female,
        male,
        births,
        tfr: if exposure > 0.0 { births / exposure } else { 0.0 },
        fit: Vec::new(),
        estimate: false,
        ..estimate.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_estimate_and_says_so() {
        let est = crate::projection::base::estimate().unwrap();
        let (f, m): (Vec<f64>, Vec<f64>) = (est.female.iter().map(|v| v * 1.1).collect(), est.male.clone());
        let b = replace_base(&est, f, m);
        assert!(!b.estimate);
        assert!(b.tfr > 0.0 && b.tfr.is_finite());
    }
}
