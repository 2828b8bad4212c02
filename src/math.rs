//! Elementary functions that give the same bits on every platform.
//!
//! The standard library's `f64::exp` and friends call the platform's C
//! library natively (glibc here) and a Rust port of musl's in wasm, and the
//! two differ in the last place now and then. The core computes with the
//! port everywhere (the `libm` crate, the code wasm's standard library
//! runs), so that the same seed gives the same fans, to the last bit, in
//! the browser and on the command line (tests/web.rs checks it against a
//! native snapshot). Square roots are exact everywhere and need no help.

#[inline]
pub fn exp(x: f64) -> f64 {
    libm::exp(x)
}

#[inline]
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}

#[inline]
pub fn log10(x: f64) -> f64 {
    libm::log10(x)
}

#[inline]
pub fn cos(x: f64) -> f64 {
    libm::cos(x)
}

#[inline]
pub fn powf(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

#[cfg(test)]
mod tests {
    #[test]
    fn agree_with_the_standard_library_to_rounding() {
        for x in [-3.5, -0.1, 0.0, 0.7, 1.0, 2.5, 10.0, 300.0] {
            assert!((super::exp(x) - x.exp()).abs() <= 2.0 * f64::EPSILON * x.exp());
            assert!((super::cos(x) - x.cos()).abs() <= 2.0 * f64::EPSILON);
        }
        for x in [1e-300, 0.3, 1.0, 2.0, 1e10] {
            assert!((super::ln(x) - x.ln()).abs() <= 2.0 * f64::EPSILON * x.ln().abs().max(1.0));
            assert!((super::log10(x) - x.log10()).abs() <= 2.0 * f64::EPSILON * x.log10().abs().max(1.0));
            assert!((super::powf(x, 1.5) - x.powf(1.5)).abs() <= 4.0 * f64::EPSILON * x.powf(1.5));
        }
    }
}
