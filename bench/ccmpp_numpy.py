"""The same cohort-component projection as src/projection/ccmpp.rs, written
plainly with numpy (vectorised over ages), for the benchmark's comparison.

Reads the specs `liangshan-pop bench` writes; prints JSON with the median
time of projecting all of them and the checksum of the final populations,
which must equal the Rust engine's.
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
    times = []
    checksum = 0.0
    for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 20):
        t = time.perf_counter()
        checksum = 0.0
        for s in specs:
            f, m = project(s)
            checksum += f.sum() + (m.sum() if m is not None else 0.0)
        times.append((time.perf_counter() - t) * 1000.0)
    times.sort()
    print(json.dumps({"projection_ms_median": times[len(times) // 2], "projection_ms_min": times[0], "checksum_2050": checksum, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
