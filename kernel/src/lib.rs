//! The arithmetic of the cohort-component engine (`liangshan-pop`'s
//! `projection::ccmpp`, which documents the method): passes over flat `f64`
//! slices that allocate nothing, written so that the compiler vectorises
//! them, with every sum taken in four lanes. A crate of its own so that it
//! builds at `opt-level = 3` inside a core built for size (the workspace's
//! `Cargo.toml`): the same operations in the same order at either level,
//! so the same results to the last bit.

/// Survival ratios of one step: `ratio[0]` takes births into the first
/// group, `ratio[x]` takes group x−1 into x, and the last takes the last
/// closed group and the open group together into the open group.
///
/// The closed groups' ratios are taken over zipped slices, every quotient
/// and then the zero where the group below is empty, so that the compiler
/// divides two (or four) at a time; an index and a branch per group kept
/// the loop scalar, waiting on one division after another (perf: most of
/// the probabilistic run's life-table time). The same quotients, so the
/// same bits.
pub fn survival_ratios(l: &[f64], step: f64, radix: f64, out: &mut [f64]) {
    let k = l.len();
    out[0] = l[0] / (step * radix);
    for ((o, below), here) in out[1..k - 1].iter_mut().zip(&l[..k - 2]).zip(&l[1..k - 1]) {
        let q = here / below;
        *o = if *below > 0.0 { q } else { 0.0 };
    }
    let den = l[k - 2] + l[k - 1];
    out[k - 1] = if den > 0.0 { l[k - 1] / den } else { 0.0 };
}

/// [`survival_ratios`] as it was written first, by index: the tests' reference.
#[cfg(test)]
fn survival_ratios_by_index(l: &[f64], step: f64, radix: f64, out: &mut [f64]) {
    let k = l.len();
    out[0] = l[0] / (step * radix);
    for x in 1..k - 1 {
        out[x] = if l[x - 1] > 0.0 { l[x] / l[x - 1] } else { 0.0 };
    }
    let den = l[k - 2] + l[k - 1];
    out[k - 1] = if den > 0.0 { l[k - 1] / den } else { 0.0 };
}

/// A sum in four lanes: four running sums, of every fourth value, added at
/// the end (the compiler turns them into vector additions). It differs
/// from a single running sum by rounding alone; every sum of the engine is
/// taken this way.
///
/// Not `#[inline]`: an inline function is compiled in the crate that calls
/// it, at that crate's optimisation level, and these are to be compiled here.
pub fn sum(v: &[f64]) -> f64 {
    dot_by(v, v, |a, _| a)
}

/// `Σ (a[i] + b[i])` in four lanes, as [`sum`]: women and men together.
pub fn sum_of_both(a: &[f64], b: &[f64]) -> f64 {
    dot_by(a, b, |a, b| a + b)
}

/// `out[i] = a[i] + w × (b[i] − a[i])`: a table between two others.
pub fn interpolate(a: &[f64], b: &[f64], w: f64, out: &mut [f64]) {
    for ((o, a), b) in out.iter_mut().zip(a).zip(b) {
        *o = a + w * (b - a);
    }
}

/// `Σ term(a[i], b[i])` in four lanes, as [`sum`].
#[inline(always)]
fn dot_by(a: &[f64], b: &[f64], term: impl Fn(f64, f64) -> f64) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0.0f64; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for i in 0..4 {
            acc[i] += term(x[i], y[i]);
        }
    }
    ra.iter().zip(rb).fold((acc[0] + acc[1]) + (acc[2] + acc[3]), |s, (x, y)| s + term(*x, *y))
}

/// `x`, or zero where it is below zero (or not a number): `x.max(0.0)`,
/// written as one compare, which vectorises (`max` must also order NaNs).
#[inline(always)]
fn positive(x: f64) -> f64 {
    if x > 0.0 {
        x
    } else {
        0.0
    }
}

/// Those present in each group after the first half of the step's
/// migrants: `start`. (Emigrants cannot outnumber the people there are:
/// where net migration would make a group negative, it stops at zero.)
pub fn present(pop: &[f64], migrants: &[f64], start: &mut [f64]) {
    for ((s, p), m) in start.iter_mut().zip(pop).zip(migrants) {
        *s = positive(p + m / 2.0);
    }
}

/// What [`survive`] found of one sex in one step, besides its population
/// at the end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Survived {
    /// The net migrants who could actually leave or arrive.
    pub moved: f64,
    /// Those at the start of the step: `sum(pop)`, to the bit.
    pub alive: f64,
    /// Those at its end: `sum(end)`, to the bit.
    pub left: f64,
}

/// One sex through one step, from those present at its start (`start`,
/// from [`present`] on `pop`), its births and its survival `ratio`s: writes
/// the population at the end of the step into `end` and returns the net
/// migrants who could actually leave or arrive (where net migration would
/// make a group negative, it stops at zero, and the migrants reported are
/// the ones that moved), with the sums of `pop` and `end`.
pub fn survive(pop: &[f64], start: &[f64], ratio: &[f64], migrants: &[f64], births: f64, end: &mut [f64]) -> Survived {
    let k = pop.len();
    let (pop, start, ratio, migrants, end) = (&pop[..k], &start[..k], &ratio[..k], &migrants[..k], &mut end[..k]);
    // Moved up a group by their survival (the open group gathers two
    // groups), with the second half's migrants.
    let born = births * ratio[0];
    end[0] = positive(born + migrants[0] / 2.0);
    for ((e, (s, r)), m) in end[1..k - 1].iter_mut().zip(start[..k - 2].iter().zip(&ratio[1..k - 1])).zip(&migrants[1..k - 1]) {
        *e = positive(s * r + m / 2.0);
    }
    let open = (start[k - 2] + start[k - 1]) * ratio[k - 1];
    end[k - 1] = positive(open + migrants[k - 1] / 2.0);
    // The migrants who moved: those the first half added, and those the
    // second added to the survivors (group by group, so that where nobody
    // moves the figure is exactly zero).
    let sums = sums(pop, start, ratio, end);
    Survived { moved: sums.first + ((end[0] - born) + sums.second + (end[k - 1] - open)), alive: sums.alive, left: sums.left }
}

struct Sums {
    /// `Σ (start − pop)`, `Σ pop`, `Σ end`: as [`dot_by`] and [`sum`] take them.
    first: f64,
    alive: f64,
    left: f64,
    /// `Σ (end[x] − start[x−1] × ratio[x])` over the closed groups past the
    /// first, as [`lanes3`] takes it.
    second: f64,
}

/// The four sums of [`survive`] in one pass, each in its own four lanes,
/// each lane adding the same terms in the same order as the sum taken
/// alone (so the same results to the bit): four chains of additions side
/// by side instead of one after another.
#[inline(always)]
fn sums(pop: &[f64], start: &[f64], ratio: &[f64], end: &[f64]) -> Sums {
    let k = pop.len();
    // Chunks of four from group 0 (the first three sums) and from group 1
    // (the fourth), then what is left of each, in order.
    let (whole, whole2) = (k - k % 4, (k - 2) - (k - 2) % 4);
    let (p, s, e) = (&pop[..whole], &start[..whole], &end[..whole]);
    let (e2, s2, r2) = (&end[1..1 + whole2], &start[..whole2], &ratio[1..1 + whole2]);
    let (mut fa, mut aa, mut la, mut sa) = ([0.0f64; 4], [0.0f64; 4], [0.0f64; 4], [0.0f64; 4]);
    let both = (whole / 4).min(whole2 / 4);
    let mut ones = p.chunks_exact(4).zip(s.chunks_exact(4)).zip(e.chunks_exact(4));
    let mut twos = e2.chunks_exact(4).zip(s2.chunks_exact(4)).zip(r2.chunks_exact(4));
    // `take`: `zip` alone would draw one chunk too many from the first.
    for (((p, s), e), ((e2, s2), r2)) in ones.by_ref().zip(twos.by_ref()).take(both) {
        for l in 0..4 {
            fa[l] += s[l] - p[l];
            aa[l] += p[l];
            la[l] += e[l];
            sa[l] += e2[l] - s2[l] * r2[l];
        }
    }
    for ((p, s), e) in ones {
        for l in 0..4 {
            fa[l] += s[l] - p[l];
            aa[l] += p[l];
            la[l] += e[l];
        }
    }
    for ((e2, s2), r2) in twos {
        for l in 0..4 {
            sa[l] += e2[l] - s2[l] * r2[l];
        }
    }
    let combine = |a: [f64; 4]| (a[0] + a[1]) + (a[2] + a[3]);
    let (mut first, mut alive, mut left, mut second) = (combine(fa), combine(aa), combine(la), combine(sa));
    for x in whole..k {
        first += start[x] - pop[x];
        alive += pop[x];
        left += end[x];
    }
    for x in 1 + whole2..k - 1 {
        second += end[x] - start[x - 1] * ratio[x];
    }
    Sums { first, alive, left, second }
}

/// `Σ term(a[i], b[i], c[i])` in four lanes, as [`sum`]: how [`sums`]
/// takes its fourth sum, alone (the tests' reference).
#[cfg(test)]
fn lanes3(a: &[f64], b: &[f64], c: &[f64], term: impl Fn(f64, f64, f64) -> f64) -> f64 {
    let n = a.len().min(b.len()).min(c.len());
    let (a, b, c) = (&a[..n], &b[..n], &c[..n]);
    let mut acc = [0.0f64; 4];
    let mut i = 0;
    while i + 4 <= n {
        for l in 0..4 {
            acc[l] += term(a[i + l], b[i + l], c[i + l]);
        }
        i += 4;
    }
    (i..n).fold((acc[0] + acc[1]) + (acc[2] + acc[3]), |s, j| s + term(a[j], b[j], c[j]))
}

/// Births over one step to women in the ages `fertile` (ages outside it
/// have no fertility): `step` × the rate × the mean of the women there at
/// the start (`start`, after the first half of the migrants) and at the
/// end. The women at the end of the step in a group past the first do not
/// depend on the step's births, so they are found here for the fertile
/// ages alone, as [`survive`] finds them.
///
/// The engine takes them with their ages ([`births_by_age`], the same
/// total to the bit); this is the tests' reference.
#[cfg(test)]
fn births(start: &[f64], ratio: &[f64], migrants: &[f64], asfr: &[f64], fertile: std::ops::Range<usize>, step: f64) -> f64 {
    let k = start.len();
    let (lo, hi) = (fertile.start.max(1), fertile.end.min(k));
    if lo >= hi {
        return 0.0;
    }
    // The open group, when it is fertile, apart.
    let closed = hi.min(k - 1);
    let mut total = lanes_births(&start[lo - 1..closed], &ratio[lo..closed], &migrants[lo..closed], &asfr[lo..closed], step);
    if hi == k {
        let x = k - 1;
        let end = positive((start[x - 1] + start[x]) * ratio[x] + migrants[x] / 2.0);
        total += step * asfr[x] * (start[x] + end) / 2.0;
    }
    total
}

/// Σ step × asfr × (start + end) / 2 over closed groups, `before` holding
/// one group more (the group below each).
#[cfg(test)]
fn lanes_births(before: &[f64], ratio: &[f64], migrants: &[f64], asfr: &[f64], step: f64) -> f64 {
    let n = ratio.len();
    let mut acc = [0.0f64; 4];
    for x in 0..n {
        let end = positive(before[x] * ratio[x] + migrants[x] / 2.0);
        acc[x % 4] += step * asfr[x] * (before[x + 1] + end) / 2.0;
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

/// Births over one step by the mother's age, written into `out` (zero
/// outside the ages `fertile`, whose rates are zero), and their total:
/// `step` × the rate × the mean of the women at the start (`start`, after
/// the first half of the migrants) and at the end, found here for the
/// fertile ages alone as [`survive`] finds them. The total is that of the
/// tests' reference, `births`, to the bit (the same terms in the same lanes).
pub fn births_by_age(
    start: &[f64],
    ratio: &[f64],
    migrants: &[f64],
    asfr: &[f64],
    fertile: std::ops::Range<usize>,
    step: f64,
    out: &mut [f64],
) -> f64 {
    let k = start.len();
    out[..k].fill(0.0);
    let (lo, hi) = (fertile.start.max(1), fertile.end.min(k));
    if lo >= hi {
        return 0.0;
    }
    let closed = hi.min(k - 1);
    let n = closed - lo;
    let (below, here) = (&start[lo - 1..closed - 1], &start[lo..closed]);
    let (r, m, f) = (&ratio[lo..closed], &migrants[lo..closed], &asfr[lo..closed]);
    let terms = &mut out[lo..closed];
    for x in 0..n {
        terms[x] = step * f[x] * (here[x] + positive(below[x] * r[x] + m[x] / 2.0)) / 2.0;
    }
    // Group x (counted from `lo`) into lane x mod 4, as the reference adds them.
    let mut acc = [0.0f64; 4];
    for (x, t) in terms.iter().enumerate() {
        acc[x % 4] += t;
    }
    let mut total = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    if hi == k {
        let x = k - 1;
        let end = positive((start[x - 1] + start[x]) * ratio[x] + migrants[x] / 2.0);
        out[x] = step * asfr[x] * (start[x] + end) / 2.0;
        total += out[x];
    }
    total
}

/// The quantiles `at` (each in [0, 1]) of `v`, each between the two order
/// statistics around it as in a sorted list; `v` is reordered in place,
/// found by selection: only partitioned around the order statistics
/// needed (ten for five quantiles), never sorted. NaN for no values.
pub fn quantiles(v: &mut [f64], at: &[f64; 5]) -> [f64; 5] {
    let n = v.len();
    if n == 0 {
        return [f64::NAN; 5];
    }
    let at = at.map(|q| {
        let pos = q * (n - 1) as f64;
        (pos.floor() as usize, pos.fract())
    });
    // The order statistics around each quantile, ascending, each once
    // (with `at` ascending, one at or below the last taken is taken
    // already; any other order only selects more).
    let (mut places, mut taken) = ([0; 10], 0);
    for (i, _) in at {
        for p in [i, (i + 1).min(n - 1)] {
            if taken == 0 || p > places[taken - 1] {
                places[taken] = p;
                taken += 1;
            }
        }
    }
    select_all(v, 0, &places[..taken]);
    at.map(|(i, w)| if i + 1 < n { v[i] + w * (v[i + 1] - v[i]) } else { v[i] })
}

/// Puts the order statistics of `v` at `places` (ascending, none twice,
/// counted from `offset`, the place of `v[0]` in the whole) where a sorted
/// `v` has them:
/// the middle place first, then the places below it in the part below and
/// those above in the part above, so that each selection looks at a part
/// (for the 1,000 trajectories' ten places about 2,600 values selected
/// among, against 3,500 selecting each place after the one before).
fn select_all(v: &mut [f64], offset: usize, places: &[usize]) {
    let Some(&p) = places.get(places.len() / 2) else { return };
    let (below, above) = (&places[..places.len() / 2], &places[places.len() / 2 + 1..]);
    let (low, _, high) = v.select_nth_unstable_by(p - offset, f64::total_cmp);
    select_all(low, offset, below);
    select_all(high, p + 1, above);
}

/// Moves the finite values of `v` to its front, in their order; returns
/// how many there are.
pub fn partition_finite(v: &mut [f64]) -> usize {
    let mut n = 0;
    for i in 0..v.len() {
        if v[i].is_finite() {
            v.swap(n, i);
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small generator of test values (xorshift), in [0, 1).
    fn values(seed: &mut u64, n: usize, scale: f64) -> Vec<f64> {
        (0..n)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                (*seed >> 11) as f64 / (1u64 << 53) as f64 * scale
            })
            .collect()
    }

    #[test]
    fn births_by_age_totals_to_the_bit_what_births_returns() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for k in [2, 3, 5, 8, 21, 101] {
            for (lo, hi) in [(0, k), (1, k - 1), (k / 3, k / 2 + 1), (k / 2, k), (k - 1, k), (3, 2)] {
                let start = values(&mut seed, k, 1e4);
                let ratio = values(&mut seed, k, 1.0);
                let migrants: Vec<f64> = values(&mut seed, k, 200.0).iter().map(|m| m - 100.0).collect();
                let asfr = values(&mut seed, k, 0.2);
                let mut out = vec![f64::NAN; k];
                let total = births_by_age(&start, &ratio, &migrants, &asfr, lo..hi, 1.0, &mut out);
                assert_eq!(total.to_bits(), births(&start, &ratio, &migrants, &asfr, lo..hi, 1.0).to_bits(), "k {k}, ages {lo}..{hi}");
                let fertile = lo.max(1)..hi.min(k);
                for (x, v) in out.iter().enumerate() {
                    assert!(if fertile.contains(&x) { *v > 0.0 } else { *v == 0.0 }, "k {k}, ages {lo}..{hi}, age {x}: {v}");
                }
            }
        }
    }

    #[test]
    fn survival_ratios_are_to_the_bit_those_taken_by_index() {
        let mut seed = 5;
        for k in 2..120 {
            // Person-years falling with age, some groups empty (the zero
            // ratio above them), the last ones too.
            let mut l = values(&mut seed, k, 1.0);
            l.sort_by(|a, b| b.total_cmp(a));
            for x in (0..k).filter(|x| x % 7 == 3 || *x + 2 >= k && k % 3 == 0) {
                l[x] = 0.0;
            }
            let (mut got, mut want) = (vec![f64::NAN; k], vec![f64::NAN; k]);
            survival_ratios(&l, 1.0, 1.0, &mut got);
            survival_ratios_by_index(&l, 1.0, 1.0, &mut want);
            assert_eq!(got.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), want.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), "k {k}");
        }
    }

    #[test]
    fn lanes_sum_as_one_running_sum_would_but_for_rounding() {
        let mut seed = 7;
        for n in 0..40 {
            let (a, b, c) = (values(&mut seed, n, 10.0), values(&mut seed, n, 10.0), values(&mut seed, n, 1.0));
            let lanes = lanes3(&a, &b, &c, |x, y, z| x - y * z);
            let plain: f64 = (0..n).map(|i| a[i] - b[i] * c[i]).sum();
            assert!((lanes - plain).abs() <= 1e-12 * (1.0 + plain.abs()), "n {n}: {lanes} against {plain}");
        }
    }

    #[test]
    fn the_sums_of_a_step_taken_together_are_to_the_bit_those_taken_alone() {
        let mut seed = 11;
        for k in 2..120 {
            let pop = values(&mut seed, k, 1e4);
            let migrants: Vec<f64> = values(&mut seed, k, 200.0).iter().map(|m| m - 100.0).collect();
            let ratio = values(&mut seed, k, 1.0);
            let mut start = vec![0.0; k];
            present(&pop, &migrants, &mut start);
            let mut end = vec![0.0; k];
            let got = survive(&pop, &start, &ratio, &migrants, 300.0, &mut end);
            let born = 300.0 * ratio[0];
            let first = dot_by(&start, &pop, |s, p| s - p);
            let second = lanes3(&end[1..k - 1], &start[..k - 2], &ratio[1..k - 1], |e, s, r| e - s * r);
            let moved = first + ((end[0] - born) + second + (end[k - 1] - (start[k - 2] + start[k - 1]) * ratio[k - 1]));
            assert_eq!(got.moved.to_bits(), moved.to_bits(), "k {k}");
            assert_eq!(got.alive.to_bits(), sum(&pop).to_bits(), "k {k}");
            assert_eq!(got.left.to_bits(), sum(&end).to_bits(), "k {k}");
        }
    }
}
