"""Quasi-Poisson regression (log link) for many count series at once, by IRLS in numpy.

Every series shares one design matrix X (m observations x p columns); each has its own
counts and prior weights. The fit is the Poisson maximum-likelihood estimate (iteratively
reweighted least squares); the dispersion is the Pearson estimate

    phi = max(1, sum_i w_i (y_i - mu_i)^2 / mu_i / (m - p)),

floored at 1 as in Farrington et al. (1996). `cov` is phi (X' W X)^-1 with W = diag(w mu),
`leverage` the diagonal of the hat matrix. The tests check the results against statsmodels'
GLM (Poisson family, `var_weights`).

>>> import numpy as np
>>> X = np.column_stack([np.ones(6), np.arange(6.0)])
>>> fit = fit_quasi_poisson(X, np.array([[2.0, 3, 4, 6, 8, 11]]))
>>> round(float(np.exp(fit.beta[0, 1])), 3)
1.396
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_ITERATIONS = 30
TOLERANCE = 1e-7
_RIDGE = 1e-10  # keeps X'WX invertible when a factor level has only zero counts


@dataclass(frozen=True)
class QuasiPoissonFit:
    beta: np.ndarray  # (n, p)
    mu: np.ndarray  # (n, m) fitted means
    phi: np.ndarray  # (n,) dispersion, >= 1
    cov: np.ndarray  # (n, p, p) covariance of beta (phi-scaled)
    leverage: np.ndarray  # (n, m) hat-matrix diagonal
    converged: np.ndarray  # (n,) bool


def fit_quasi_poisson(
    X: np.ndarray,
    Y: np.ndarray,
    weights: np.ndarray | None = None,
    *,
    beta0: np.ndarray | None = None,
    max_iterations: int = MAX_ITERATIONS,
    tolerance: float = TOLERANCE,
) -> QuasiPoissonFit:
    """Fit log(mu) = X beta to every row of Y (counts) with prior weights; see the module docstring."""
    X = np.asarray(X, dtype=float)
    Y = np.atleast_2d(np.asarray(Y, dtype=float))
    n, m = Y.shape
    p = X.shape[1]
    w = np.ones_like(Y) if weights is None else np.atleast_2d(np.asarray(weights, dtype=float))
    if beta0 is None:
        # Start from a constant at the series mean (log of mean + 0.1 for all-zero series).
        beta = np.zeros((n, p))
        eta = np.repeat(np.log(Y.mean(axis=1, keepdims=True) + 0.1), m, axis=1)
        mu = np.exp(eta)
        z = eta + (Y - mu) / mu
        beta = _weighted_least_squares(X, z, w * mu)
    else:
        beta = np.array(beta0, dtype=float)
    converged = np.zeros(n, dtype=bool)
    active = np.ones(n, dtype=bool)
    for _ in range(max_iterations):
        eta = np.clip(beta[active] @ X.T, -30.0, 30.0)
        mu = np.exp(eta)
        z = eta + (Y[active] - mu) / mu
        new = _weighted_least_squares(X, z, w[active] * mu)
        change = np.abs(new - beta[active]).max(axis=1)
        beta[active] = new
        done = change < tolerance * (1.0 + np.abs(new).max(axis=1))
        indices = np.flatnonzero(active)
        converged[indices[done]] = True
        active[indices[done]] = False
        if not active.any():
            break
    eta = np.clip(beta @ X.T, -30.0, 30.0)
    mu = np.exp(eta)
    working = w * mu
    xtwx_inv = np.linalg.inv(_xtwx(X, working) + _RIDGE * np.eye(p))
    pearson = (w * (Y - mu) ** 2 / mu).sum(axis=1)
    phi = np.maximum(1.0, pearson / max(m - p, 1))
    # h_i = w_i mu_i x_i' A x_i for every series: one matrix product over outer products x_i x_i'.
    leverage = working * (xtwx_inv.reshape(n, p * p) @ _outer(X).T)
    return QuasiPoissonFit(beta, mu, phi, phi[:, None, None] * xtwx_inv, leverage, converged)


def _outer(X: np.ndarray) -> np.ndarray:
    """Row-wise outer products x_i x_i', flattened: (m, p*p)."""
    outer: np.ndarray = (X[:, :, None] * X[:, None, :]).reshape(X.shape[0], -1)
    return outer


def _xtwx(X: np.ndarray, W: np.ndarray) -> np.ndarray:
    """X' diag(W_n) X for every row n of W, as one (n, m) x (m, p*p) product."""
    p = X.shape[1]
    products: np.ndarray = (W @ _outer(X)).reshape(W.shape[0], p, p)
    return products


def _weighted_least_squares(X: np.ndarray, z: np.ndarray, W: np.ndarray) -> np.ndarray:
    p = X.shape[1]
    lhs = _xtwx(X, W) + _RIDGE * np.eye(p)
    rhs = (W * z) @ X
    return np.linalg.solve(lhs, rhs[..., None])[..., 0]
