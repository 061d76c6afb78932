#!/usr/bin/env bash
# Side-by-side run of CustomerRisk.Modeling and its Python peers (scikit-learn, XGBoost from Debian's python3-sklearn
# and python3-xgboost) on the same stratified 70/30 split of Give Me Some Credit, printed as one table.
#   benchmarks/peers/modeling/compare.sh            (data: ../shared/data beside the repository, or $CRISK_GMSC)
# Ours runs through `crisk model train --timing`: train_seconds covers the whole ModelTrainer.Train call (split,
# binning, training, and measuring both parts), so it overstates our fit time slightly; XGBoost's covers xgb.train.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
DATA=${CRISK_GMSC:-$ROOT/../shared/data/give_me_some_credit/cs-training.csv}
ART=${CRISK_ARTIFACTS:-${TMPDIR:-/tmp}/crisk-compare-modeling}
PY=${CRISK_PYTHON:-/usr/bin/python3}
if [ ! -f "$DATA" ]; then echo "compare.sh: no data at $DATA (set CRISK_GMSC)" >&2; exit 2; fi
dotnet build "$ROOT/src/CustomerRisk.Cli" -c Release --artifacts-path "$ART" -v q -nologo >&2
CRISK="$ART/bin/CustomerRisk.Cli/release/crisk"
COMMON=(--data "$DATA" --target SeriousDlqin2yrs --seed 42 --validation-fraction 0.3 --threads 2 --timing)
{
  "$CRISK" model train "${COMMON[@]}" --algorithm scorecard | sed 's/^/ours scorecard\t/'
  "$CRISK" model train "${COMMON[@]}" --algorithm gbdt --trees 300 --depth 5 --learning-rate 0.05 --early-stopping-rounds 0 | sed 's/^/ours gbdt\t/'
  "$PY" "$HERE/run_peers.py" --data "$DATA" --seed 42 --trees 300 --depth 5 --learning-rate 0.05 --threads 2 | sed 's/^/peer\t/'
} | "$PY" -c '
import json, sys
print("| model | train s | predict rows/s | test AUC | trees |")
print("|---|---:|---:|---:|---:|")
for line in sys.stdin:
    who, text = line.rstrip("\n").split("\t", 1)
    r = json.loads(text)
    if who == "peer":
        name, auc, trees = r["model"], r["auc"], r.get("trees", "")
    else:
        name = "CustomerRisk " + r["algorithm"]
        auc, trees = r["validation"]["auc"], r["options"].get("trees_kept", "")
    seconds, rate = r["train_seconds"], r["predict_rows_per_second"]
    print(f"| {name} | {seconds:.2f} | {rate:,.0f} | {auc:.4f} | {trees} |")
'
