//! Age patterns of fertility: Brass's relational Gompertz model on the Booth
//! (1984) standard (`data/external/booth_standard_relational_gompertz.csv`),
//! and China's pattern from UN WPP 2024 as a labelled reference.

use crate::error::{Error, ErrorKind};
use crate::math::{exp, powf};

pub const BOOTH_FILE: &str = "booth_standard_relational_gompertz.csv";
pub const WPP_ASFR_FILE: &str = "wpp2024_china_percentASFR_5yr.csv";

// BOOTH, WPP_ASFR_YEARS and WPP_ASFR_PERCENT, from build.rs.
include!(concat!(env!("OUT_DIR"), "/fertility.rs"));

/// Lower bounds of the childbearing age groups: 10-14 to 45-49.
pub const GROUPS: [u32; 8] = [10, 15, 20, 25, 30, 35, 40, 45];

/// Booth's standard Ys at exact ages 15, 20, ..., 45 (50 is +∞).
pub fn booth_standard() -> &'static [(u32, f64)] {
    &BOOTH
}

/// Age-specific fertility rates (births per woman per year) of the groups
/// 10-14 ... 45-49 for a total fertility rate `tfr`, from the relational
/// Gompertz model F(x)/TFR = exp(−exp(−(α + β·Ys(x)))). α = 0, β = 1 is
/// Booth's standard; α below 0 makes childbearing later, β above 1 more
/// concentrated.
pub fn relational_gompertz(tfr: f64, alpha: f64, beta: f64) -> Result<[f64; 8], Error> {
    if !tfr.is_finite() || tfr < 0.0 {
        return Err(ErrorKind::OutOfRange { name: "tfr", value: tfr, min: 0.0, max: f64::INFINITY }.into());
    }
    if !beta.is_finite() || beta <= 0.0 || !alpha.is_finite() {
        return Err(ErrorKind::OutOfRange { name: "beta", value: beta, min: 0.0, max: f64::INFINITY }.into());
    }
    let shares = gompertz_shares(alpha, beta)?;
    Ok(shares.map(|s| tfr * s / 5.0))
}

/// The share of a woman's lifetime births in each group 10-14 ... 45-49
/// under the relational Gompertz model: what [`relational_gompertz`]
/// scales by the TFR (`tfr × share / 5`, exactly), for callers that apply
/// many TFRs to one shape.
pub fn gompertz_shares(alpha: f64, beta: f64) -> Result<[f64; 8], Error> {
    let ys = booth_standard();
    let cum = |y: f64| if y.is_infinite() { 1.0 } else { exp(-exp(-(alpha + beta * y))) };
    // Cumulative share at exact ages 10 (0), 15, ..., 50.
    let mut f = [0.0; 9];
    for (i, (_, y)) in ys.iter().enumerate().take(8) {
        f[i + 1] = cum(*y);
    }
    Ok(std::array::from_fn(|i| f[i + 1] - f[i]))
}

/// Age-specific fertility rates of the groups 10-14 ... 45-49 from the
/// Hadwiger function with total `tfr`, mean age at childbearing `mean_age`
/// and a shape `h` (larger is more concentrated, about 3 to 5 in practice):
/// f(x) = tfr · (h / (m·√π)) · (m/x)^{3/2} · exp(−h²(m/x + x/m − 2)).
/// Integrated over each group numerically, then scaled to sum to the TFR.
pub fn hadwiger(tfr: f64, mean_age: f64, h: f64) -> Result<[f64; 8], Error> {
    if !tfr.is_finite() || tfr < 0.0 {
        return Err(ErrorKind::OutOfRange { name: "tfr", value: tfr, min: 0.0, max: f64::INFINITY }.into());
    }
    if !mean_age.is_finite() || !(18.0..=40.0).contains(&mean_age) {
        return Err(ErrorKind::OutOfRange { name: "mean_age", value: mean_age, min: 18.0, max: 40.0 }.into());
    }
    if !h.is_finite() || h <= 0.0 {
        return Err(ErrorKind::OutOfRange { name: "h", value: h, min: 0.0, max: f64::INFINITY }.into());
    }
    let f = |x: f64| {
        (h / (mean_age * std::f64::consts::PI.sqrt())) * powf(mean_age / x, 1.5) * exp(-(h * h) * (mean_age / x + x / mean_age - 2.0))
    };
    let mut groups = [0.0; 8];
    for (i, g) in GROUPS.iter().enumerate() {
        // Midpoint rule on tenths of a year.
        groups[i] = (0..50).map(|k| f(f64::from(*g) + 0.05 + 0.1 * f64::from(k)) * 0.1).sum();
    }
    let total: f64 = groups.iter().sum();
    if total <= 0.0 {
        return Ok([0.0; 8]);
    }
    Ok(groups.map(|v| tfr * v / total / 5.0))
}

/// Mean age at childbearing of a schedule over [`GROUPS`] (mid-points).
pub fn mean_age(asfr: &[f64; 8]) -> f64 {
    let total: f64 = asfr.iter().sum();
    GROUPS.iter().zip(asfr).map(|(a, f)| (f64::from(*a) + 2.5) * f).sum::<f64>() / total
}

/// China's age pattern of fertility in `year` (UN WPP 2024), as shares of
/// the TFR by group 10-14 ... 45-49. National, not Liangshan's: a reference.
pub fn china_pattern(year: u32) -> Result<[f64; 8], Error> {
    let col = WPP_ASFR_YEARS.iter().position(|y| *y == year).ok_or_else(|| {
        Error::from(ErrorKind::InvalidArgument {
            name: "year",
            value: year.to_string(),
            expected: "2010, 2015, 2020, 2023, 2025, 2030, 2040, 2050",
        })
    })?;
    Ok(WPP_ASFR_PERCENT[col].map(|p| p / 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_reproduces_booths_shares_and_sums_to_the_tfr() {
        let f = relational_gompertz(1.0, 0.0, 1.0).unwrap();
        let shares: Vec<f64> = f.iter().map(|x| x * 5.0).collect();
        // share_of_TFR column of the Booth file
        let want = [0.00277, 0.133066, 0.241475, 0.231294, 0.187575, 0.13401, 0.061692, 0.008117];
        for (a, b) in shares.iter().zip(want) {
            assert!((a - b).abs() < 2e-5, "{a} vs {b}");
        }
        let f = relational_gompertz(2.3, -0.2, 1.1).unwrap();
        assert!((f.iter().sum::<f64>() * 5.0 - 2.3).abs() < 1e-12);
    }

    #[test]
    fn alpha_moves_childbearing_later() {
        let early = mean_age(&relational_gompertz(2.0, 0.3, 1.0).unwrap());
        let late = mean_age(&relational_gompertz(2.0, -0.3, 1.0).unwrap());
        assert!(late > early + 1.0, "{early} {late}");
        assert!(relational_gompertz(-1.0, 0.0, 1.0).is_err());
    }

    #[test]
    fn hadwiger_keeps_the_tfr_and_its_mean_age() {
        for (m, h) in [(26.0, 3.5), (29.0, 4.0), (31.0, 5.0)] {
            let f = hadwiger(1.7, m, h).unwrap();
            assert!((f.iter().sum::<f64>() * 5.0 - 1.7).abs() < 1e-12);
            assert!((mean_age(&f) - m).abs() < 1.0, "{m}: {}", mean_age(&f));
        }
        assert!(hadwiger(1.7, 50.0, 4.0).is_err());
    }

    #[test]
    fn chinas_pattern_sums_to_one() {
        let p = china_pattern(2020).unwrap();
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-3);
        assert!(china_pattern(1999).is_err());
    }
}
