//! A small, seeded pseudo-random generator for the model's simulations.
//!
//! Shared links and tests must reproduce the same Monte Carlo numbers, so every
//! simulation takes an explicit seed. We use SplitMix64 (Steele, Lea & Flood,
//! "Fast splittable pseudorandom number generators", OOPSLA 2014) to seed
//! xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number
//! generators", 2018). Both are tiny, fast on wasm32 and need no dependency.
//! Simulations are the one place the model uses `f64`; results shown to a
//! learner are converted back to `Decimal` at the edge.

/// xoshiro256** seeded through SplitMix64. Same seed, same stream, on every platform.
#[derive(Clone, Debug)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// Creates a generator from a 64-bit seed (any value, including 0, is fine).
    pub fn new(seed: u64) -> Self {
        let mut sm = seed;
        let mut next = || {
            sm = sm.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = sm;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng {
            s: [next(), next(), next(), next()],
        }
    }

    /// Next raw 64-bit output.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1) with 53 bits of precision.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// `true` with probability `p` (clamped to [0, 1]; NaN counts as 0).
    pub fn bernoulli(&mut self, p: f64) -> bool {
        let p = if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) };
        self.next_f64() < p
    }

    /// A standard normal draw (Box–Muller; one of the pair is discarded for simplicity).
    pub fn standard_normal(&mut self) -> f64 {
        // 1 - u is in (0, 1], so ln never sees 0.
        let u1 = 1.0 - self.next_f64();
        let u2 = self.next_f64();
        (-2.0 * u1.ln()).sqrt() * (core::f64::consts::TAU * u2).cos()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_is_reproducible_for_a_seed() {
        let a: Vec<u64> = {
            let mut r = Rng::new(42);
            (0..8).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::new(42);
            (0..8).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        let mut c = Rng::new(43);
        assert_ne!(a[0], c.next_u64());
    }

    #[test]
    fn it_has_sane_moments() {
        let mut r = Rng::new(7);
        let n = 200_000;
        let (mut sum, mut sq, mut usum) = (0.0, 0.0, 0.0);
        for _ in 0..n {
            let z = r.standard_normal();
            sum += z;
            sq += z * z;
            let u = r.next_f64();
            assert!((0.0..1.0).contains(&u));
            usum += u;
        }
        let n = n as f64;
        assert!((sum / n).abs() < 0.01, "mean {}", sum / n);
        assert!((sq / n - 1.0).abs() < 0.02, "var {}", sq / n);
        assert!((usum / n - 0.5).abs() < 0.01);
    }

    #[test]
    fn bernoulli_respects_edges() {
        let mut r = Rng::new(1);
        assert!((0..1000).all(|_| !r.bernoulli(0.0)));
        assert!((0..1000).all(|_| r.bernoulli(1.0)));
        assert!((0..1000).all(|_| !r.bernoulli(f64::NAN)));
    }
}
