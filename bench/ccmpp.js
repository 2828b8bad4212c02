// The same cohort-component projection as src/projection/ccmpp.rs and
// bench/ccmpp_numpy.py, in plain JavaScript (typed arrays, no library), for
// the benchmark's comparison in the same browser run as the wasm.
// project(spec) -> { female, male } at the end of the last step.

const at = (value, k) => (Array.isArray(value) && (Array.isArray(value[0]) || value[0] instanceof Float64Array) ? value[k] : value);

function survive(pop, l, mig, births, step, radix, out) {
  const n = pop.length;
  const start = new Float64Array(n);
  for (let i = 0; i < n; i++) start[i] = Math.max(pop[i] + mig[i] / 2, 0);
  out[0] = births * l[0] / (step * radix);
  for (let i = 1; i < n - 1; i++) out[i] = l[i - 1] > 0 ? start[i - 1] * (l[i] / l[i - 1]) : 0;
  const den = l[n - 2] + l[n - 1];
  out[n - 1] = (start[n - 2] + start[n - 1]) * (den > 0 ? l[n - 1] / den : 0);
  for (let i = 0; i < n; i++) out[i] = Math.max(out[i] + mig[i] / 2, 0);
  return out;
}

/** Arrays of numbers become Float64Arrays once, outside the timing. */
export function prepare(spec) {
  const f64 = (v) => (Array.isArray(v) && Array.isArray(v[0]) ? v.map((x) => Float64Array.from(x)) : Array.isArray(v) ? Float64Array.from(v) : v);
  const sex = (s) => s && { population: Float64Array.from(s.population), nLx: f64(s.nLx), net_migrants: s.net_migrants == null ? null : f64(s.net_migrants) };
  return { ...spec, female: sex(spec.female), male: sex(spec.male), asfr: f64(spec.asfr) };
}

export function project(spec) {
  const { step, radix } = spec;
  let f = spec.female.population;
  let m = spec.male ? spec.male.population : null;
  const zeros = new Float64Array(f.length);
  for (let k = 0; k < spec.steps; k++) {
    const fmig = spec.female.net_migrants ? at(spec.female.net_migrants, k) : zeros;
    const fl = at(spec.female.nLx, k);
    const asfr = at(spec.asfr, k);
    const srb = Array.isArray(spec.srb) ? spec.srb[k] : spec.srb;
    const end0 = survive(f, fl, fmig, 0, step, radix, new Float64Array(f.length));
    let births = 0;
    for (let i = 0; i < f.length; i++) births += asfr[i] * (Math.max(f[i] + fmig[i] / 2, 0) + end0[i]) / 2;
    births *= step;
    f = survive(f, fl, fmig, births / (1 + srb), step, radix, new Float64Array(f.length));
    if (m) {
      const mmig = spec.male.net_migrants ? at(spec.male.net_migrants, k) : zeros;
      m = survive(m, at(spec.male.nLx, k), mmig, (births * srb) / (1 + srb), step, radix, new Float64Array(m.length));
    }
  }
  return { female: f, male: m };
}
