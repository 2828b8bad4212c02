//! Single-year person-years from an abridged life table: lx interpolated
//! log-linearly within each abridged group (constant force of mortality),
//! L0 with the Coale-Demeny a0, and the open group carried from the
//! abridged table's last rate.

use super::life_table::coale_demeny_a0_a1;
use super::model_life_tables::ModelTable;
use crate::math::{exp, powf};

/// Single-year lx (ages 0..=`last`) and Lx (the last is Tx of the open group
/// `last`+), radix 1.
#[derive(Clone, Debug, PartialEq)]
pub struct SingleYear {
    pub lx: Vec<f64>,
    pub big_lx: Vec<f64>,
}

impl SingleYear {
    pub fn e0(&self) -> f64 {
        self.big_lx.iter().sum::<f64>() / self.lx[0]
    }
}

/// Single years 0..`last` (open at `last`) from an abridged table.
pub fn single_year(t: &ModelTable, last: usize) -> SingleYear {
    let k = t.ages.len();
    let open_rate = t.nmx[k - 1];
    let l_at = |a: f64| -> f64 {
        match t.ages.iter().rposition(|&x| x <= a) {
            Some(i) if i + 1 < k => {
                let (x0, x1) = (t.ages[i], t.ages[i + 1]);
                let (l0, l1) = (t.lx[i], t.lx[i + 1]);
                if l0 <= 0.0 || l1 <= 0.0 {
                    return 0.0;
                }
                l0 * powf(l1 / l0, (a - x0) / (x1 - x0))
            }
            Some(i) => t.lx[i] * exp(-(a - t.ages[i]) * open_rate),
            None => t.lx[0],
        }
    };
    let lx: Vec<f64> = (0..=last).map(|a| l_at(a as f64)).collect();
    let (a0, _) = coale_demeny_a0_a1(t.nmx[0], t.sex);
    let mut big_lx = Vec::with_capacity(last + 1);
    for a in 0..last {
        let (l, l1) = (lx[a], lx[a + 1]);
        big_lx.push(if a == 0 { l1 + a0 * (l - l1) } else { (l + l1) / 2.0 });
    }
    big_lx.push(lx[last] / open_rate);
    // Rescale each abridged group's single years to its published nLx, so
    // that the single-year table keeps the abridged one's person-years
    // (and so its life expectancy) exactly.
    for i in 0..k {
        let from = t.ages[i] as usize;
        let to = if i + 1 < k { (t.ages[i + 1] as usize).min(last + 1) } else { last + 1 };
        if from > last {
            break;
        }
        let to = if i + 1 == k || to > last { last + 1 } else { to };
        let sum: f64 = big_lx[from..to].iter().sum();
        let want = if to == last + 1 { t.nlx[i..].iter().sum::<f64>() } else { t.nlx[i] };
        if sum > 0.0 {
            for v in &mut big_lx[from..to] {
                *v *= want / sum;
            }
        }
        if to == last + 1 {
            break;
        }
    }
    SingleYear { lx, big_lx }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demography::model_life_tables::cd_west;
    use crate::demography::Sex;

    #[test]
    fn keeps_the_abridged_life_expectancy() {
        for (sex, e0) in [(Sex::Female, 78.0), (Sex::Male, 72.0), (Sex::Female, 40.0)] {
            let t = cd_west(sex, e0).unwrap();
            let s = single_year(&t, 100);
            assert!((s.e0() - t.e0).abs() < 1e-9, "{sex:?} {e0}: {}", s.e0());
            // Five single years add up to the abridged group.
            let g: f64 = s.big_lx[20..25].iter().sum();
            assert!((g - t.nlx[5]).abs() < 1e-12);
            assert!(s.big_lx.windows(2).take(99).skip(1).all(|w| w[1] <= w[0] * (1.0 + 1e-9)), "person-years fall with age");
        }
    }
}
