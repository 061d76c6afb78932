#!/usr/bin/env python3
"""Trains the peers of CustomerRisk.Modeling on the same split and prints one JSON line per model.

The split is the one of CustomerRisk.Modeling.Validation.StratifiedSplit: within each class, rows are ordered by the
SplitMix64 hash of seed + (index + 1) * 0x9E3779B97F4A7C15 (ties by index) and the first round(0.3 * class size)
are the test part. Peers: scikit-learn LogisticRegression on WoE-free raw features (median-imputed, standardised),
and XGBoost hist (300 trees, depth 5, learning rate 0.05, 2 threads), or scikit-learn's
HistGradientBoostingClassifier when XGBoost is not installed.

Usage: run_peers.py [--data PATH] [--target COLUMN] [--seed N] [--trees N] [--depth N] [--learning-rate X]
"""
import argparse
import csv
import json
import math
import os
import sys
import time

import numpy as np
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

MASK = (1 << 64) - 1


def row_key(seed, index):
    z = (seed + (index + 1) * 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def stratified_split(labels, test_fraction, seed):
    in_test = np.zeros(len(labels), dtype=bool)
    for label in (0, 1):
        rows = [i for i in range(len(labels)) if labels[i] == label]
        rows.sort(key=lambda i: (row_key(seed, i), i))
        take = int(math.floor(test_fraction * len(rows) + 0.5))
        in_test[rows[:take]] = True
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)


def timed_predict(predict, x, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        result = predict(x)
        best = min(best, time.perf_counter() - start)
    return result, (x.num_row() if hasattr(x, "num_row") else len(x)) / best


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_data = os.path.normpath(os.path.join(here, "..", "..", "..", "..", "shared", "data",
                                                 "give_me_some_credit", "cs-training.csv"))
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("CRISK_GMSC", default_data))
    parser.add_argument("--target", default="SeriousDlqin2yrs")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--trees", type=int, default=300)
    parser.add_argument("--depth", type=int, default=5)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    with open(args.data, newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    # An unnamed first column is a row number, not data; empty and NA fields are missing.
    keep = [i for i, name in enumerate(header) if name.strip() and name != args.target]
    target = header.index(args.target)
    y = np.array([int(float(r[target])) for r in body], dtype=np.int8)
    x = np.array([[float(r[i]) if r[i] not in ("", "NA") else np.nan for i in keep] for r in body], dtype=np.float64)
    train, test = stratified_split(y, 0.3, args.seed)
    x_train, y_train, x_test, y_test = x[train], y[train], x[test], y[test]

    start = time.perf_counter()
    logistic = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=1000))
    logistic.fit(x_train, y_train)
    train_seconds = time.perf_counter() - start
    p, rate = timed_predict(lambda d: logistic.predict_proba(d)[:, 1], x_test)
    print(json.dumps({"model": "sklearn LogisticRegression (raw, median-imputed)", "train_seconds": train_seconds,
                      "predict_rows_per_second": rate, "auc": roc_auc_score(y_test, p)}))

    try:
        import xgboost as xgb
    except ImportError:
        xgb = None
    if xgb is not None:
        dtrain = xgb.DMatrix(x_train, label=y_train, nthread=args.threads)
        params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": args.depth,
                  "eta": args.learning_rate, "nthread": args.threads, "max_bin": 256, "eval_metric": "auc"}
        start = time.perf_counter()
        booster = xgb.train(params, dtrain, num_boost_round=args.trees)
        train_seconds = time.perf_counter() - start
        # inplace_predict on the array: Booster.predict on a DMatrix it has seen returns a cached result.
        p, rate = timed_predict(booster.inplace_predict, x_test)
        print(json.dumps({"model": f"XGBoost {xgb.__version__} hist", "train_seconds": train_seconds, "trees": args.trees,
                          "predict_rows_per_second": rate, "auc": roc_auc_score(y_test, p)}))
    else:
        from sklearn.ensemble import HistGradientBoostingClassifier
        model = HistGradientBoostingClassifier(max_iter=args.trees, max_depth=args.depth,
                                               learning_rate=args.learning_rate, early_stopping=False)
        start = time.perf_counter()
        model.fit(x_train, y_train)
        train_seconds = time.perf_counter() - start
        p, rate = timed_predict(lambda d: model.predict_proba(d)[:, 1], x_test)
        print(json.dumps({"model": "sklearn HistGradientBoostingClassifier", "train_seconds": train_seconds,
                          "predict_rows_per_second": rate, "auc": roc_auc_score(y_test, p)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
