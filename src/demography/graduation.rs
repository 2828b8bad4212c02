//! Graduation of five-year age groups to single years by Sprague's fifth
//! difference osculatory multipliers (Shryock & Siegel), keeping every
//! group's total. The open group is not split.

use crate::error::{Error, ErrorKind};

/// Rows: the five single years of a group; columns: the five groups the
/// panel draws on.
const FIRST: [[f64; 5]; 5] = [
    [0.3616, -0.2768, 0.1488, -0.0336, 0.0],
    [0.2640, -0.0960, 0.0400, -0.0080, 0.0],
    [0.1840, 0.0400, -0.0320, 0.0080, 0.0],
    [0.1200, 0.1360, -0.0720, 0.0160, 0.0],
    [0.0704, 0.1968, -0.0848, 0.0176, 0.0],
];
const SECOND: [[f64; 5]; 5] = [
    [0.0336, 0.2272, -0.0752, 0.0144, 0.0],
    [0.0080, 0.2320, -0.0480, 0.0080, 0.0],
    [-0.0080, 0.2160, -0.0080, 0.0, 0.0],
    [-0.0160, 0.1840, 0.0400, -0.0080, 0.0],
    [-0.0176, 0.1408, 0.0912, -0.0144, 0.0],
];
const MIDDLE: [[f64; 5]; 5] = [
    [-0.0128, 0.0848, 0.1504, -0.0240, 0.0016],
    [-0.0016, 0.0144, 0.2224, -0.0416, 0.0064],
    [0.0064, -0.0336, 0.2544, -0.0336, 0.0064],
    [0.0064, -0.0416, 0.2224, 0.0144, -0.0016],
    [0.0016, -0.0240, 0.1504, 0.0848, -0.0128],
];

/// Splits `groups` (five-year groups from age 0, all closed) into single
/// years. Needs at least five groups. A negative single year, which the
/// multipliers can give where counts fall steeply, is set to zero and its
/// group rescaled, so that totals are always kept.
pub fn sprague(groups: &[f64]) -> Result<Vec<f64>, Error> {
    let n = groups.len();
    if n < 5 {
        return Err(ErrorKind::InvalidArgument { name: "groups", value: n.to_string(), expected: "at least five five-year groups" }.into());
    }
    if let Some(i) = groups.iter().position(|g| !g.is_finite() || *g < 0.0) {
        return Err(ErrorKind::OutOfRange { name: "group", value: groups[i], min: 0.0, max: f64::INFINITY }.into());
    }
    let mut out = Vec::with_capacity(n * 5);
    for g in 0..n {
        // Which panel, and the first of the five groups it reads.
        let (panel, from, flip) = match g {
            0 => (&FIRST, 0, false),
            1 => (&SECOND, 0, false),
            g if g == n - 2 => (&SECOND, n - 5, true),
            g if g == n - 1 => (&FIRST, n - 5, true),
            g => (&MIDDLE, g - 2, false),
        };
        let mut years = [0.0; 5];
        for (i, y) in years.iter_mut().enumerate() {
            // The last panels are the first ones read backwards.
            let row = if flip { &panel[4 - i] } else { &panel[i] };
            *y = (0..5).map(|j| if flip { row[j] * groups[from + 4 - j] } else { row[j] * groups[from + j] }).sum();
        }
        let positive: f64 = years.iter().map(|y| y.max(0.0)).sum();
        if years.iter().any(|y| *y < 0.0) && positive > 0.0 {
            for y in years.iter_mut() {
                *y = y.max(0.0) * groups[g] / positive;
            }
        }
        out.extend_from_slice(&years);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_distribute_a_group_and_nothing_else() {
        // Each panel's column for its own group sums to 1 and the others to 0.
        for (panel, own) in [(&FIRST, 0), (&SECOND, 1), (&MIDDLE, 2)] {
            for j in 0..5 {
                let s: f64 = panel.iter().map(|r| r[j]).sum();
                assert!((s - if j == own { 1.0 } else { 0.0 }).abs() < 1e-12, "column {j}");
            }
        }
    }

    #[test]
    fn keeps_every_group_total_and_reproduces_a_linear_population() {
        let groups = [1342.0, 1290.0, 1255.0, 1100.0, 980.0, 910.0, 850.0, 700.0, 520.0, 300.0];
        let single = sprague(&groups).unwrap();
        assert_eq!(single.len(), 50);
        for (g, total) in groups.iter().enumerate() {
            let s: f64 = single[g * 5..g * 5 + 5].iter().sum();
            assert!((s - total).abs() < 1e-9, "group {g}");
        }
        // A population falling linearly with age is graduated exactly.
        let linear: Vec<f64> = (0..8).map(|g| (0..5).map(|i| 100.0 - f64::from(g * 5 + i)).sum()).collect();
        let s = sprague(&linear).unwrap();
        for (x, v) in s.iter().enumerate() {
            assert!((v - (100.0 - x as f64)).abs() < 1e-9, "age {x}: {v}");
        }
        assert!(sprague(&[1.0, 2.0]).is_err());
    }
}
