//! A probabilistic run as one flat list of numbers: how the fans travel
//! between the explorer's cores (the simulation worker's, the drawing
//! worker's and the page's), as a `Float64Array` that is copied once,
//! where a structure of thousands of small values is walked value by value
//! at each crossing. Reading it back needs no deserialiser in the wasm.
//!
//! The layout, every item one number: the trajectories, the seed's high
//! and low 32 bits, the alternative bases; the indicators' fans, then the
//! services' (each list: its length, then each fan: its indicator's place
//! in `Indicator::ALL` or `Service::ALL`, its years' count, the years, and
//! the median, 80% low, 80% high, 95% low and 95% high series, a value a
//! year each); the shares meeting the tracker's checks (their count, then
//! each). Reading checks every count against what is left, so a list that
//! is not one of these is refused, never read past its end.

use super::indicator::Indicator;
use super::services::Service;
use super::stochastic::{Fan, Probabilistic};
use crate::error::{Error, ErrorKind};

/// Appends `p` to `out`.
pub fn pack(p: &Probabilistic, out: &mut Vec<f64>) {
    out.extend([p.trajectories as f64, (p.seed >> 32) as f64, (p.seed & 0xffff_ffff) as f64, p.bases as f64]);
    pack_fans(&p.fans, &Indicator::ALL, out);
    pack_fans(&p.services, &Service::ALL, out);
    out.push(p.met.len() as f64);
    out.extend(&p.met);
}

fn pack_fans<Q: Copy + PartialEq>(fans: &[Fan<Q>], all: &[Q], out: &mut Vec<f64>) {
    out.push(fans.len() as f64);
    for f in fans {
        // Every indicator and service is in its ALL; a place past the end
        // would be refused on reading.
        let id = all.iter().position(|q| *q == f.indicator).unwrap_or(all.len());
        out.extend([id as f64, f.years.len() as f64]);
        out.extend(f.years.iter().map(|y| f64::from(*y)));
        for series in [&f.median, &f.lo80, &f.hi80, &f.lo95, &f.hi95] {
            debug_assert_eq!(series.len(), f.years.len());
            out.extend(series);
        }
    }
}

/// What [`pack`] wrote, read from the front of `data`, and the rest.
pub fn unpack(data: &[f64]) -> Result<(Probabilistic, &[f64]), Error> {
    let mut r = Reader { data, at: 0 };
    let trajectories = r.whole(f64::from(u32::MAX))?;
    let (hi, lo) = (r.whole(f64::from(u32::MAX))? as u64, r.whole(f64::from(u32::MAX))? as u64);
    let bases = r.whole(f64::from(u32::MAX))?;
    let fans = r.fans(&Indicator::ALL)?;
    let services = r.fans(&Service::ALL)?;
    let n = r.count(1)?;
    let met = r.take(n)?.to_vec();
    let p = Probabilistic { trajectories, seed: hi << 32 | lo, bases, fans, services, met };
    Ok((p, &data[r.at..]))
}

struct Reader<'a> {
    data: &'a [f64],
    at: usize,
}

impl<'a> Reader<'a> {
    fn refuse(&self, what: &str) -> Error {
        ErrorKind::InvalidArgument {
            name: "fans",
            value: format!("{what} at {}", self.at),
            expected: "the packed fans of a probabilistic run",
        }
        .into()
    }

    /// The next `n` values.
    fn take(&mut self, n: usize) -> Result<&'a [f64], Error> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.data.len()).ok_or_else(|| self.refuse("too short"))?;
        let out = &self.data[self.at..end];
        self.at = end;
        Ok(out)
    }

    /// The next value, a whole number from 0 to `max`.
    fn whole(&mut self, max: f64) -> Result<usize, Error> {
        let v = self.take(1)?[0];
        if !(0.0..=max).contains(&v) || v.fract() != 0.0 {
            self.at -= 1;
            return Err(self.refuse("not a count"));
        }
        Ok(v as usize)
    }

    /// A count of items at least `size` values each, as many as can follow.
    fn count(&mut self, size: usize) -> Result<usize, Error> {
        let left = (self.data.len() - self.at.min(self.data.len())) / size.max(1);
        self.whole(left as f64)
    }

    fn fans<Q: Copy>(&mut self, all: &[Q]) -> Result<Vec<Fan<Q>>, Error> {
        // A fan is at least its place and its years' count.
        let n = self.count(2)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let indicator = all[self.whole((all.len() - 1) as f64)?];
            let years = self.count(6)?;
            let year = self.take(years)?;
            if year.iter().any(|y| !(0.0..=f64::from(u16::MAX)).contains(y) || y.fract() != 0.0) {
                return Err(self.refuse("not a year"));
            }
            let mut series = || self.take(years).map(<[f64]>::to_vec);
            let (median, lo80, hi80, lo95, hi95) = (series()?, series()?, series()?, series()?, series()?);
            out.push(Fan { indicator, years: year.iter().map(|y| *y as u16).collect(), median, lo80, hi80, lo95, hi95 });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explorer::{Explorer, SEED};
    use proptest::prelude::*;

    fn packed(p: &Probabilistic) -> Vec<u64> {
        let mut out = Vec::new();
        pack(p, &mut out);
        out.iter().map(|v| v.to_bits()).collect()
    }

    fn fans() -> (Probabilistic, Probabilistic) {
        let x = Explorer::new().unwrap();
        let (state, _) = crate::state::parse("region=xide&tfr2030=1.6");
        let f = x.simulate(&state, 40, SEED).unwrap();
        (f.region, f.prefecture)
    }

    #[test]
    fn a_run_reads_back_as_it_was_to_the_last_bit() {
        let (mut region, prefecture) = fans();
        assert!(!region.services.is_empty() && !region.met.is_empty(), "a run with services and shares");
        // A share of a check whose indicator was not kept.
        region.met[0] = f64::NAN;
        let mut data = Vec::new();
        pack(&region, &mut data);
        pack(&prefecture, &mut data);
        let (a, rest) = unpack(&data).unwrap();
        let (b, rest) = unpack(rest).unwrap();
        assert!(rest.is_empty());
        assert_eq!((packed(&a), packed(&b)), (packed(&region), packed(&prefecture)));
        assert_eq!(
            (a.trajectories, a.seed, a.bases, a.fans.len(), a.services.len()),
            (40, SEED, region.bases, region.fans.len(), region.services.len())
        );
        assert_eq!((a.fans[3].indicator, &a.fans[3].years), (region.fans[3].indicator, &region.fans[3].years));
        assert_eq!(
            a.services.iter().map(|f| f.indicator).collect::<Vec<_>>(),
            region.services.iter().map(|f| f.indicator).collect::<Vec<_>>()
        );
    }

    #[test]
    fn every_cut_and_every_bad_count_is_refused() {
        let (region, _) = fans();
        let mut data = Vec::new();
        pack(&region, &mut data);
        for n in 0..data.len() {
            assert!(unpack(&data[..n]).is_err(), "cut at {n}");
        }
        for (i, bad) in [(0, -1.0), (0, 0.5), (1, 2f64.powi(32)), (4, f64::NAN), (4, 1e9), (5, 21.0)] {
            let mut d = data.clone();
            d[i] = bad;
            let e = unpack(&d).unwrap_err().message(crate::i18n::Lang::En);
            assert!(e.contains("fans"), "{e}");
        }
    }

    proptest! {
        #[test]
        fn any_list_of_numbers_is_read_or_refused(v in proptest::collection::vec(prop_oneof![(0u8..30).prop_map(f64::from), 0.0..40.0f64, Just(f64::NAN), Just(-1.0), Just(2022.0)], 0..300)) {
            let _ = unpack(&v);
        }
    }
}
