//! Dense linear algebra of the end-of-run consolidation ([`super::consolidate`]): the
//! randomized truncated SVD that fits the LSA basis, its small Jacobi eigensolver, and the
//! dense kernels they run on.
//!
//! Why our own SVD: the matrix is sparse, only the top ~100 directions are needed, and the
//! randomized range finder (Halko, Martinsson & Tropp 2011) is ~100 lines on top of a small
//! Jacobi eigensolver; the maintained dense crates would need the matrix densified.

use crate::rng::SplitMix64;

/// A fitted LSA basis: the top right singular vectors, `cols x dims`, row-major, in f32
/// (projecting every article is the step's per-article cost, and it is bound by reading
/// the basis: f32 halves that; LSA cosines do not need more digits).
#[derive(Debug, Clone)]
pub struct Basis {
    /// Directions kept.
    pub dims: usize,
    v: Vec<f32>,
}

impl Basis {
    /// The unit LSA vector of a sparse row over the basis' columns (zero if it has no
    /// component in the basis).
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn project(&self, row: &[(u32, f64)]) -> Vec<f64> {
        let (mut acc, mut z) = (Vec::new(), Vec::new());
        self.project_stored(row.iter().copied(), &mut acc, &mut z);
        z
    }

    /// [`Basis::project`] of entries already naming stored columns, into `z`, with `acc`
    /// as scratch.
    pub(super) fn project_stored(
        &self,
        row: impl Iterator<Item = (u32, f64)>,
        acc: &mut Vec<f32>,
        z: &mut Vec<f64>,
    ) {
        let k = self.dims;
        acc.clear();
        acc.resize(k, 0.0);
        for (c, x) in row {
            let x = x as f32;
            let v = &self.v[c as usize * k..(c as usize + 1) * k];
            for (a, b) in acc.iter_mut().zip(v) {
                *a += x * b;
            }
        }
        z.clear();
        z.extend(acc.iter().map(|&v| f64::from(v)));
        let n = z.iter().map(|v| v * v).sum::<f64>().sqrt();
        if n > 0.0 {
            for a in z.iter_mut() {
                *a /= n;
            }
        }
    }
}

/// Power iterations of the randomized range finder.
const POWER_ITERATIONS: usize = 4;
/// Extra columns of the range finder beyond `dims`.
const OVERSAMPLE: usize = 10;
/// Seed of the random test matrix (fixed: the basis is a function of the rows alone).
const SEED: u64 = 0x5eed_1a5a;

/// Top `dims` right singular vectors of the sparse `rows x cols` matrix (randomized SVD:
/// Halko, Martinsson & Tropp 2011, algorithm 4.4 with `POWER_ITERATIONS`, then the small
/// eigenproblem of `B B^T` for `B = Q^T A`).
#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
pub fn lsa_basis(rows: &[&[(u32, f64)]], cols: usize, dims: usize) -> Basis {
    let identity: Vec<u32> = (0..cols as u32).collect();
    lsa_basis_placed(rows, &identity, dims)
}

/// [`lsa_basis`] with the columns stored in another order: logical column `i` (the one
/// the random test matrix and the sums over columns follow) is stored as column
/// `place[i]`, and the rows' entries name stored columns. Storing the frequent columns
/// first keeps the dense matrices' hot rows together in cache; the result is the same,
/// bit for bit, as [`lsa_basis`] on the rows renamed to logical columns, with the basis'
/// rows in stored order.
pub(super) fn lsa_basis_placed(rows: &[&[(u32, f64)]], place: &[u32], dims: usize) -> Basis {
    let cols = place.len();
    let n = rows.len();
    let l = (dims + OVERSAMPLE).min(n).min(cols);
    let k = dims.min(l);
    if k == 0 {
        return Basis {
            dims: 0,
            v: Vec::new(),
        };
    }
    // Omega: cols x l, uniform in [-1, 1), row-major. The range finder runs in f32 (half
    // the memory traffic, twice the lanes): it only has to find the subspace, which the
    // f64 steps below then orthonormalize and decompose.
    let mut rng = SplitMix64(SEED);
    let mut omega = vec![0.0f32; cols * l];
    for &c in place {
        let c = c as usize;
        omega[c * l..(c + 1) * l]
            .iter_mut()
            .for_each(|v| *v = rng.signed_unit() as f32);
    }
    // Y = A Omega (n x l, column-major), orthonormalized.
    // One Gram-Schmidt pass per step: the power iterations only need well-conditioned
    // columns spanning the right subspace (one pass leaves them orthogonal to about
    // eps_f32 * cond(Y)), and the f64 pass after them makes Q orthonormal.
    let mut q = times(rows, &omega, l, n);
    drop(omega);
    gram_schmidt(&mut q, n, l, 1);
    let mut z = vec![0.0f32; cols * l];
    for _ in 0..POWER_ITERATIONS {
        transpose_times(rows, &q, n, l, &mut z);
        q = times(rows, &z, l, n);
        gram_schmidt(&mut q, n, l, 1);
    }
    drop(z);
    let mut q: Vec<f64> = q.into_iter().map(f64::from).collect();
    orthonormalize(&mut q, n, l);
    // B = Q^T A; C = B B^T = Q^T (A (A^T Q)), by two sparse products and n-long dot
    // products (C is symmetric: its upper half, mirrored). Sums run over rows only, so
    // the order the columns are stored in does not enter.
    let mut z = vec![0.0; cols * l];
    transpose_times(rows, &q, n, l, &mut z);
    let y = times(rows, &z, l, n);
    drop(z);
    let mut c = vec![0.0; l * l];
    for i in 0..l {
        let qi = &q[i * n..(i + 1) * n];
        for j in i..l {
            let d = dense_dot(qi, &y[j * n..(j + 1) * n]);
            c[i * l + j] = d;
            c[j * l + i] = d;
        }
    }
    drop(y);
    let (values, vectors) = symmetric_eigen(c, l);
    // Eigenpairs by value, largest first (ties: lower index).
    let mut order: Vec<usize> = (0..l).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    let top = values[order[0]].max(0.0);
    let kept: Vec<usize> = order
        .into_iter()
        .take(k)
        .filter(|&i| values[i] > top * 1e-12 && values[i] > 0.0)
        .collect();
    let k = kept.len();
    // V = B^T W S^-1 = A^T (Q W S^-1): U = Q W S^-1 (n x k, column-major), then one
    // sparse product.
    let mut u = vec![0.0; n * k];
    for (out, &e) in u.chunks_exact_mut(n).zip(&kept) {
        for i in 0..l {
            let w = vectors[i * l + e];
            for (o, x) in out.iter_mut().zip(&q[i * n..(i + 1) * n]) {
                *o += x * w;
            }
        }
        let s = values[e].sqrt();
        out.iter_mut().for_each(|o| *o /= s);
    }
    drop(q);
    let mut v64 = vec![0.0; cols * k];
    transpose_times(rows, &u, n, k, &mut v64);
    let v: Vec<f32> = v64.into_iter().map(|x| x as f32).collect();
    Basis { dims: k, v }
}

/// The two precisions of the dense matrices: f32 in the range finder, f64 after.
trait Real:
    Copy
    + Default
    + PartialOrd
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::Mul<Output = Self>
    + std::ops::AddAssign
    + std::ops::SubAssign
    + std::ops::MulAssign
{
    /// From a row's f64 entry.
    fn of(x: f64) -> Self;
    /// Square root.
    fn sqrt(self) -> Self;
    /// `1 / self` when `self` is above the type's vanishing norm, else 0.
    fn inverse_norm(self) -> Self;
}

impl Real for f32 {
    fn of(x: f64) -> Self {
        x as f32
    }
    fn sqrt(self) -> Self {
        f32::sqrt(self)
    }
    fn inverse_norm(self) -> Self {
        if self > 1e-30 {
            1.0 / self
        } else {
            0.0
        }
    }
}

impl Real for f64 {
    fn of(x: f64) -> Self {
        x
    }
    fn sqrt(self) -> Self {
        f64::sqrt(self)
    }
    fn inverse_norm(self) -> Self {
        if self > 1e-300 {
            1.0 / self
        } else {
            0.0
        }
    }
}

/// `A M` for sparse `A` (rows) and dense row-major `M` (`cols x l`): column-major `n x l`.
fn times<T: Real>(rows: &[&[(u32, f64)]], m: &[T], l: usize, n: usize) -> Vec<T> {
    let mut y = vec![T::default(); n * l];
    let mut acc = vec![T::default(); l];
    for (i, row) in rows.iter().enumerate() {
        acc.iter_mut().for_each(|a| *a = T::default());
        for &(c, x) in row.iter() {
            let x = T::of(x);
            let src = &m[c as usize * l..(c as usize + 1) * l];
            for (a, s) in acc.iter_mut().zip(src) {
                *a += x * *s;
            }
        }
        for (j, a) in acc.iter().enumerate() {
            y[j * n + i] = *a;
        }
    }
    y
}

/// `A^T Q` for column-major `Q` (`n x l`) into row-major `out` (`cols x l`).
fn transpose_times<T: Real>(rows: &[&[(u32, f64)]], q: &[T], n: usize, l: usize, out: &mut [T]) {
    out.iter_mut().for_each(|v| *v = T::default());
    let mut qi = vec![T::default(); l];
    for (i, row) in rows.iter().enumerate() {
        for (j, v) in qi.iter_mut().enumerate() {
            *v = q[j * n + i];
        }
        for &(c, x) in row.iter() {
            let x = T::of(x);
            let dst = &mut out[c as usize * l..(c as usize + 1) * l];
            for (d, s) in dst.iter_mut().zip(&qi) {
                *d += x * *s;
            }
        }
    }
}

/// Modified Gram-Schmidt, twice, on the columns of a column-major `n x l` matrix; a
/// column that vanishes is left zero.
fn orthonormalize<T: Real>(q: &mut [T], n: usize, l: usize) {
    gram_schmidt(q, n, l, 2);
}

/// Modified Gram-Schmidt, `passes` times (see [`orthonormalize`]).
fn gram_schmidt<T: Real>(q: &mut [T], n: usize, l: usize, passes: usize) {
    for _ in 0..passes {
        for j in 0..l {
            let (done, rest) = q.split_at_mut(j * n);
            let col = &mut rest[..n];
            for i in 0..j {
                let prev = &done[i * n..(i + 1) * n];
                let d = dense_dot(prev, col);
                for (c, p) in col.iter_mut().zip(prev) {
                    *c -= d * *p;
                }
            }
            let inv = dense_dot(col, col).sqrt().inverse_norm();
            col.iter_mut().for_each(|v| *v *= inv);
        }
    }
}

/// Lanes of [`dense_dot`]: independent partial sums, so that the loop vectorizes (a single
/// running sum is one dependent chain of additions).
pub(super) const LANES: usize = 8;

/// Dot product of two dense vectors of equal length, in [`LANES`] partial sums (lane `i`
/// adds the products at positions `i`, `i + LANES`, ...; then the lanes pairwise): a fixed
/// order, so the same on every machine.
pub(super) fn dense_dot<T>(a: &[T], b: &[T]) -> T
where
    T: Copy + Default + std::ops::Add<Output = T> + std::ops::Mul<Output = T>,
{
    let mut acc = [T::default(); LANES];
    let (ca, cb) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for ((s, &x), &y) in acc.iter_mut().zip(x).zip(y) {
            *s = *s + x * y;
        }
    }
    for (i, (&x, &y)) in ra.iter().zip(rb).enumerate() {
        acc[i] = acc[i] + x * y;
    }
    let mut width = LANES;
    while width > 1 {
        width /= 2;
        for i in 0..width {
            acc[i] = acc[i] + acc[i + width];
        }
    }
    acc[0]
}

/// Eigenvalues and eigenvectors (columns of the row-major `l x l` result) of a symmetric
/// matrix, by cyclic Jacobi rotations.
fn symmetric_eigen(mut a: Vec<f64>, l: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0.0; l * l];
    for i in 0..l {
        v[i * l + i] = 1.0;
    }
    let total: f64 = a.iter().map(|x| x * x).sum();
    for _sweep in 0..60 {
        let off: f64 = (0..l)
            .flat_map(|i| (0..l).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * l + j] * a[i * l + j])
            .sum();
        if off <= total * 1e-30 || off == 0.0 {
            break;
        }
        for p in 0..l {
            for r in p + 1..l {
                let apr = a[p * l + r];
                if apr.abs() < 1e-300 {
                    continue;
                }
                let app = a[p * l + p];
                let arr = a[r * l + r];
                let theta = (arr - app) / (2.0 * apr);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..l {
                    let akp = a[k * l + p];
                    let akr = a[k * l + r];
                    a[k * l + p] = c * akp - s * akr;
                    a[k * l + r] = s * akp + c * akr;
                }
                for k in 0..l {
                    let apk = a[p * l + k];
                    let ark = a[r * l + k];
                    a[p * l + k] = c * apk - s * ark;
                    a[r * l + k] = s * apk + c * ark;
                }
                for k in 0..l {
                    let vkp = v[k * l + p];
                    let vkr = v[k * l + r];
                    v[k * l + p] = c * vkp - s * vkr;
                    v[k * l + r] = s * vkp + c * vkr;
                }
            }
        }
    }
    let values = (0..l).map(|i| a[i * l + i]).collect();
    (values, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sparse(dense: &[f64]) -> Vec<(u32, f64)> {
        dense
            .iter()
            .enumerate()
            .filter(|e| *e.1 != 0.0)
            .map(|(i, &v)| (i as u32, v))
            .collect()
    }

    #[test]
    fn jacobi_recovers_a_known_spectrum() {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3.
        let (mut vals, vecs) = symmetric_eigen(vec![2.0, 1.0, 1.0, 2.0], 2);
        vals.sort_by(f64::total_cmp);
        assert!((vals[0] - 1.0).abs() < 1e-12 && (vals[1] - 3.0).abs() < 1e-12);
        // Eigenvectors are orthonormal.
        let d = vecs[0] * vecs[1] + vecs[2] * vecs[3];
        assert!(d.abs() < 1e-12);
    }

    #[test]
    fn the_basis_spans_the_rows_of_a_low_rank_matrix() {
        // Rank 2: every row is a combination of two directions.
        let u = [1.0, 2.0, 0.0, 0.0, 1.0, 0.0];
        let w = [0.0, 0.0, 3.0, 1.0, 0.0, 1.0];
        let dense: Vec<Vec<f64>> = (0..12)
            .map(|i| {
                let (a, b) = ((i % 3) as f64, (i % 4) as f64 + 0.5);
                u.iter().zip(&w).map(|(x, y)| a * x + b * y).collect()
            })
            .collect();
        let rows: Vec<Vec<(u32, f64)>> = dense.iter().map(|r| sparse(r)).collect();
        let refs: Vec<&[(u32, f64)]> = rows.iter().map(Vec::as_slice).collect();
        let basis = lsa_basis(&refs, 6, 2);
        assert_eq!(basis.dims, 2);
        // Each row is reproduced by its projection onto the basis: |x V| = |x|.
        for r in &rows {
            let k = basis.dims;
            let mut z = vec![0.0; k];
            for &(c, x) in r {
                for (d, zd) in z.iter_mut().enumerate() {
                    *zd += x * f64::from(basis.v[c as usize * k + d]);
                }
            }
            let nz = z.iter().map(|v| v * v).sum::<f64>().sqrt();
            let nx = r.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
            assert!((nz - nx).abs() < 1e-5 * nx.max(1.0), "{nz} vs {nx}");
        }
        // Deterministic.
        let again = lsa_basis(&refs, 6, 2);
        assert_eq!(basis.v, again.v);
    }

    /// A deterministic pseudo-random dense matrix, `n x l` column-major.
    fn noise(n: usize, l: usize, seed: u64) -> Vec<f64> {
        let mut rng = SplitMix64(seed);
        (0..n * l).map(|_| rng.signed_unit()).collect()
    }

    #[test]
    fn dense_dot_matches_the_plain_sum_at_every_length() {
        for len in [0, 1, 7, 8, 9, 16, 100, 103] {
            let a = noise(len, 1, 1);
            let b = noise(len, 1, 2);
            let plain: f64 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
            let d = dense_dot(&a, &b);
            assert!((d - plain).abs() < 1e-12, "{len}: {d} vs {plain}");
        }
    }

    #[test]
    fn orthonormalize_gives_orthonormal_columns_spanning_the_input() {
        let (n, l) = (300, 23);
        let y = noise(n, l, 3);
        let mut q = y.clone();
        orthonormalize(&mut q, n, l);
        for i in 0..l {
            for j in 0..l {
                let d = dense_dot(&q[i * n..(i + 1) * n], &q[j * n..(j + 1) * n]);
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((d - want).abs() < 1e-12, "Q^T Q [{i}, {j}] = {d}");
            }
        }
        // Each input column is in the span of Q: its residual after projection vanishes.
        for j in 0..l {
            let mut r = y[j * n..(j + 1) * n].to_vec();
            for i in 0..l {
                let qi = &q[i * n..(i + 1) * n];
                let d = dense_dot(qi, &r);
                r.iter_mut().zip(qi).for_each(|(a, b)| *a -= d * b);
            }
            assert!(dense_dot(&r, &r).sqrt() < 1e-10);
        }
    }

    #[test]
    fn one_f32_gram_schmidt_pass_is_orthonormal_to_f32_precision() {
        let (n, l) = (500, 40);
        let mut q: Vec<f32> = noise(n, l, 9).into_iter().map(|v| v as f32).collect();
        gram_schmidt(&mut q, n, l, 1);
        for i in 0..l {
            for j in 0..l {
                let d = dense_dot(&q[i * n..(i + 1) * n], &q[j * n..(j + 1) * n]);
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((d - want).abs() < 1e-5, "Q^T Q [{i}, {j}] = {d}");
            }
        }
    }

    #[test]
    fn stored_column_order_does_not_change_the_basis() {
        // A sparse 40 x 30 matrix, fitted once with columns in place and once stored in a
        // shuffled order: the same basis, bit for bit, rows permuted.
        let (n, cols) = (40, 30);
        let dense = noise(n, cols, 4);
        let rows: Vec<Vec<(u32, f64)>> = (0..n)
            .map(|i| {
                (0..cols)
                    .filter(|c| (c * 7 + i * 3) % 5 < 2)
                    .map(|c| (c as u32, dense[i * cols + c]))
                    .collect()
            })
            .collect();
        let refs: Vec<&[(u32, f64)]> = rows.iter().map(Vec::as_slice).collect();
        let plain = lsa_basis(&refs, cols, 8);
        let place: Vec<u32> = (0..cols as u32).map(|c| (c * 11) % cols as u32).collect();
        let moved: Vec<Vec<(u32, f64)>> = rows
            .iter()
            .map(|r| r.iter().map(|&(c, x)| (place[c as usize], x)).collect())
            .collect();
        let moved_refs: Vec<&[(u32, f64)]> = moved.iter().map(Vec::as_slice).collect();
        let placed = lsa_basis_placed(&moved_refs, &place, 8);
        assert_eq!(plain.dims, 8);
        assert_eq!(placed.dims, 8);
        for (c, &p) in place.iter().enumerate() {
            let p = p as usize;
            assert_eq!(plain.v[c * 8..(c + 1) * 8], placed.v[p * 8..(p + 1) * 8]);
        }
    }
}
