"""The same cohort-component projection as src/projection/ccmpp.rs, in
numpy, two ways, for the benchmark's comparison:

- batched, the way an analyst writes it: every region and both sexes in one
  array, one array operation per step and quantity (the strong baseline);
- looped: one region and one sex at a time, vectorised over ages only (as
  the first version of this benchmark did; Python's overhead paid per call).

Reads the specs `liangshan-pop bench` writes; prints JSON with the median
time of projecting all of them each way and the checksums of the final
populations, which agree with the Rust engine's to rounding (numpy sums
pairwise, the engine in four lanes).
"""
import json
import sys
import time

import numpy as np


def at(value, k):
    """A per-step value: the k-th of a list of arrays, or the constant."""
    return value[k] if isinstance(value, list) else value


def arrays(value):
    """Per-step lists of numbers become lists of arrays; one list, one array."""
    if isinstance(value, list) and value and isinstance(value[0], list):
        return [np.asarray(v, dtype=float) for v in value]
    if isinstance(value, list):
        return np.asarray(value, dtype=float)
    return value


def survive(pop, l, mig, births, step, radix):
    start = np.maximum(pop + mig / 2.0, 0.0)
    moved = (start - pop).sum()
    ratio = np.zeros_like(l)
    ratio[1:-1] = np.divide(l[1:-1], l[:-2], out=np.zeros_like(l[1:-1]), where=l[:-2] > 0)
    surv = np.empty_like(pop)
    surv[0] = births * l[0] / (step * radix)
    surv[1:-1] = start[:-2] * ratio[1:-1]
    den = l[-2] + l[-1]
    surv[-1] = (start[-2] + start[-1]) * (l[-1] / den if den > 0 else 0.0)
    end = np.maximum(surv + mig / 2.0, 0.0)
    moved += (end - surv).sum()
    return end, moved


def project(spec):
    step, radix = float(spec["step"]), float(spec["radix"])
    f = np.asarray(spec["female"]["population"], dtype=float)
    m = np.asarray(spec["male"]["population"], dtype=float) if spec.get("male") else None
    zeros = np.zeros_like(f)
    for k in range(spec["steps"]):
        fmig = at(spec["female"].get("net_migrants"), k) if spec["female"].get("net_migrants") is not None else zeros
        fl = at(spec["female"]["nLx"], k)
        asfr = at(spec["asfr"], k)
        srb = spec["srb"][k] if isinstance(spec["srb"], list) else spec["srb"]
        end0, _ = survive(f, fl, fmig, 0.0, step, radix)
        births = step * (asfr * (np.maximum(f + fmig / 2.0, 0.0) + end0) / 2.0).sum()
        bf, bm = births / (1 + srb), births * srb / (1 + srb)
        f, _ = survive(f, fl, fmig, bf, step, radix)
        if m is not None:
            mmig = at(spec["male"].get("net_migrants"), k) if spec["male"].get("net_migrants") is not None else zeros
            m, _ = survive(m, at(spec["male"]["nLx"], k), mmig, bm, step, radix)
    return f, m


def stack(specs):
    """The specs as arrays [step, region, sex, age] (and [step, region, age]
    for fertility), and the survival ratios, once, outside the timing. Every spec has the same shape:
    one-year steps, single years of age, both sexes."""
    steps = specs[0]["steps"]

    def per_step(v):
        return np.broadcast_to(np.asarray(v, dtype=float), (steps, len(specs[0]["female"]["population"]))) if not (isinstance(v, list) and isinstance(v[0], list)) else np.asarray(v, dtype=float)

    pop = np.array([[s["female"]["population"], s["male"]["population"]] for s in specs], dtype=float)
    nlx = np.stack([np.stack([per_step(s["female"]["nLx"]), per_step(s["male"]["nLx"])], axis=1) for s in specs], axis=1)
    mig = np.stack([np.stack([per_step(s["female"]["net_migrants"]), per_step(s["male"]["net_migrants"])], axis=1) for s in specs], axis=1)
    asfr = np.stack([per_step(s["asfr"]) for s in specs], axis=1)
    srb = np.array([[s["srb"][k] if isinstance(s["srb"], list) else s["srb"] for s in specs] for k in range(steps)], dtype=float)
    step, radix = float(specs[0]["step"]), float(specs[0]["radix"])
    return pop, ratios(nlx, step, radix), mig, asfr, srb, step


def ratios(nlx, step, radix):
    """Survival ratios of every step, region and sex, in one go: prepared
    once with the inputs, as the engine's prepared spec has its own."""
    ratio = np.zeros_like(nlx)
    ratio[..., 0] = nlx[..., 0] / (step * radix)
    np.divide(nlx[..., 1:-1], nlx[..., :-2], out=ratio[..., 1:-1], where=nlx[..., :-2] > 0)
    den = nlx[..., -2] + nlx[..., -1]
    np.divide(nlx[..., -1], den, out=ratio[..., -1], where=den > 0)
    return ratio


def project_batched(pop, ratio, mig, asfr, srb, step):
    """All regions and sexes at once: one array operation a step and quantity."""
    surv = np.empty_like(pop)
    for k in range(ratio.shape[0]):
        half, r = mig[k] / 2.0, ratio[k]
        start = np.maximum(pop + half, 0.0)
        surv[..., 1:-1] = start[..., :-2] * r[..., 1:-1]
        surv[..., -1] = (start[..., -2] + start[..., -1]) * r[..., -1]
        surv[..., 0] = 0.0
        # Women at the end of the step (ages past the first) give the births.
        women_end = np.maximum(surv[:, 0] + half[:, 0], 0.0)
        births = step * (asfr[k] * (start[:, 0] + women_end) / 2.0).sum(axis=-1)
        surv[:, 0, 0] = births / (1.0 + srb[k]) * r[:, 0, 0]
        surv[:, 1, 0] = births * srb[k] / (1.0 + srb[k]) * r[:, 1, 0]
        pop = np.maximum(surv + half, 0.0)
    return pop


def timed(repeats, run):
    times, result = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - t) * 1000.0)
    times.sort()
    return times, result


def main():
    specs = json.load(open(sys.argv[1]))
    # Inputs become arrays once, outside the timing, as a numpy user would.
    for s in specs:
        for sex in ("female", "male"):
            if s.get(sex):
                s[sex]["nLx"] = arrays(s[sex]["nLx"])
                if s[sex].get("net_migrants") is not None:
                    s[sex]["net_migrants"] = arrays(s[sex]["net_migrants"])
        s["asfr"] = arrays(s["asfr"])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    batched_inputs = stack(specs)

    def looped():
        checksum = 0.0
        for s in specs:
            f, m = project(s)
            checksum += f.sum() + (m.sum() if m is not None else 0.0)
        return checksum

    times, checksum = timed(repeats, looped)
    btimes, final = timed(repeats, lambda: project_batched(*batched_inputs))
    print(json.dumps({
        "projection_ms_median": times[len(times) // 2],
        "projection_ms_min": times[0],
        "checksum_2050": checksum,
        "batched_ms_median": btimes[len(btimes) // 2],
        "batched_ms_min": btimes[0],
        "batched_checksum_2050": float(final.sum()),
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
