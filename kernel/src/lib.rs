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
pub fn survival_ratios(l: &[f64], step: f64, radix: f64, out: &mut [f64]) {
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

/// One sex through one step, from those present at its start (`start`,
/// from [`present`] on `pop`), its births and its survival `ratio`s: writes
/// the population at the end of the step into `end` and returns the net
/// migrants who could actually leave or arrive (where net migration would
/// make a group negative, it stops at zero, and the migrants reported are
/// the ones that moved).
pub fn survive(pop: &[f64], start: &[f64], ratio: &[f64], migrants: &[f64], births: f64, end: &mut [f64]) -> f64 {
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
    let first = dot_by(start, pop, |s, p| s - p);
    let second = lanes3(&end[1..k - 1], &start[..k - 2], &ratio[1..k - 1], |e, s, r| e - s * r);
    first + ((end[0] - born) + second + (end[k - 1] - open))
}

/// `Σ term(a[i], b[i], c[i])` in four lanes, as [`sum`].
#[inline(always)]
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
pub fn births(start: &[f64], ratio: &[f64], migrants: &[f64], asfr: &[f64], fertile: std::ops::Range<usize>, step: f64) -> f64 {
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
fn lanes_births(before: &[f64], ratio: &[f64], migrants: &[f64], asfr: &[f64], step: f64) -> f64 {
    let n = ratio.len();
    let mut acc = [0.0f64; 4];
    for x in 0..n {
        let end = positive(before[x] * ratio[x] + migrants[x] / 2.0);
        acc[x % 4] += step * asfr[x] * (before[x + 1] + end) / 2.0;
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

/// Births by the mother's age: the terms of [`births`], zero outside the
/// ages `fertile` (whose rates are zero).
pub fn births_by_age(start: &[f64], ratio: &[f64], migrants: &[f64], asfr: &[f64], fertile: std::ops::Range<usize>, step: f64) -> Vec<f64> {
    let k = start.len();
    let mut out = vec![0.0; k];
    for x in fertile.start.max(1)..fertile.end.min(k) {
        if asfr[x] == 0.0 {
            continue;
        }
        let survivors = if x + 1 == k { (start[x - 1] + start[x]) * ratio[x] } else { start[x - 1] * ratio[x] };
        let end = positive(survivors + migrants[x] / 2.0);
        out[x] = step * asfr[x] * (start[x] + end) / 2.0;
    }
    out
}
