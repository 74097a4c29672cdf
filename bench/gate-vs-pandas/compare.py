"""The job `flipgate gate` does on the bench workload, done the way a team's Python script does it:
pandas, scikit-learn and statsmodels. Per slice (all + the 12 of bench/gate-1m/generate.py's
manifest): accuracy of both models and the delta with a 1,000-resample paired bootstrap
interval, negative and positive flip rates, macro precision/recall/F1 of both models, and
McNemar's exact p-value. Prints one line per slice; the yardstick for issue 12's benchmark.

    python3 compare.py WORK_DIR
"""
import os
import sys

import numpy as np
import pandas as pd
from sklearn.metrics import precision_recall_fscore_support
from statsmodels.stats.contingency_tables import mcnemar

work = sys.argv[1]
examples = pd.read_csv(os.path.join(work, "examples.csv.gz"), keep_default_na=False)
deployed = pd.read_csv(os.path.join(work, "deployed.csv.gz"), usecols=["id", "prediction"])
candidate = pd.read_csv(os.path.join(work, "candidate.csv.gz"), usecols=["id", "prediction"])
frame = (examples.merge(deployed.rename(columns={"prediction": "deployed"}), on="id", validate="one_to_one")
         .merge(candidate.rename(columns={"prediction": "candidate"}), on="id", validate="one_to_one"))
if len(frame) != len(examples):
    sys.exit("predictions do not cover every example")
# Labels as integer codes of one shared category list: scikit-learn is slow on a million strings.
classes = sorted(set(frame.label) | set(frame.deployed) | set(frame.candidate))
for column in ("label", "deployed", "candidate"):
    frame[column] = pd.Categorical(frame[column], categories=classes).codes

slices = {
    "all": np.ones(len(frame), dtype=bool),
    "north": frame.region.eq("north").to_numpy(), "south": frame.region.eq("south").to_numpy(),
    "east": frame.region.eq("east").to_numpy(), "west": frame.region.eq("west").to_numpy(),
    "north-or-east": frame.region.isin(["north", "east"]).to_numpy(),
    "south-or-west": frame.region.isin(["south", "west"]).to_numpy(),
    "age-18-30": frame.age.between(18, 30, inclusive="left").to_numpy(),
    "age-30-50": frame.age.between(30, 50, inclusive="left").to_numpy(),
    "age-50-70": frame.age.between(50, 70, inclusive="left").to_numpy(),
    "age-70-plus": frame.age.ge(70).to_numpy(),
    "hard": frame.tags.eq("hard").to_numpy(), "new": frame.tags.eq("new").to_numpy(),
}
rng = np.random.default_rng(1)
for name, mask in slices.items():
    part = frame[mask]
    y = part.label.to_numpy()
    right_before = (part.deployed.to_numpy() == y)
    right_after = (part.candidate.to_numpy() == y)
    n = len(part)
    negative = int((right_before & ~right_after).sum())
    positive = int((~right_before & right_after).sum())
    delta = right_after.mean() - right_before.mean()
    # Paired bootstrap of the accuracy delta: resampling n examples with replacement is drawing how
    # many of them fall in each of the three values of (candidate right − deployed right), so a
    # multinomial over those counts is the same bootstrap at a cost independent of n.
    difference = right_after.astype(np.int8) - right_before.astype(np.int8)
    shares = np.array([(difference == v).mean() for v in (-1, 0, 1)])
    counts = rng.multinomial(n, shares, size=1000)
    means = (counts[:, 2] - counts[:, 0]) / n
    low, high = np.quantile(means, [0.025, 0.975])
    table = [[int((right_before & right_after).sum()), negative], [positive, int((~right_before & ~right_after).sum())]]
    p = mcnemar(table, exact=True).pvalue
    macro = [precision_recall_fscore_support(y, part[m].to_numpy(), average="macro", zero_division=0)[:3]
             for m in ("deployed", "candidate")]
    print(f"{name}: n={n} acc {right_before.mean():.4f} -> {right_after.mean():.4f} delta {delta:+.4f} "
          f"[{low:+.4f}, {high:+.4f}] NFR {negative / n:.4f} PFR {positive / n:.4f} McNemar p={p:.3g} "
          f"macroF1 {macro[0][2]:.4f} -> {macro[1][2]:.4f}")
