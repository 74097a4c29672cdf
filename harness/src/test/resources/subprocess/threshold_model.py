"""A model as a subprocess, for the tests: reads JSON-lines requests on stdin and answers each
example "cat" when its first feature is below 0.5, else "dog", with scores. Optional arguments
make it misbehave after N requests: `crash N` exits with an error, `hang N` stops answering,
`wolf N` answers a class that does not exist, `unnormalized N` answers scores outside [0, 1],
`extra-class N` answers a score for a class that does not exist, `twice N` writes the label key
twice, `swapped N` answers the batch's first two examples under each other's ids."""
import json
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "serve"
after = int(sys.argv[2]) if len(sys.argv) > 2 else 0
answered = 0
print("threshold model loaded", file=sys.stderr, flush=True)
for line in sys.stdin:
    request = json.loads(line)
    if mode == "crash" and answered >= after:
        print(f"Traceback: model weights are corrupt after {answered} batches", file=sys.stderr, flush=True)
        sys.exit(3)
    if mode == "hang" and answered >= after:
        print("waiting for a lock that never comes", file=sys.stderr, flush=True)
        time.sleep(3600)
    misbehave = answered >= after and mode != "serve"
    predictions = []
    for example in request["examples"]:
        cat = 0.9 if example["input"][0] < 0.5 else 0.2
        scores = {"cat": cat, "dog": round(1 - cat, 6)}
        if misbehave and mode == "unnormalized":
            scores = {"cat": cat + 0.5, "dog": -0.5 + round(1 - cat, 6)}
        if misbehave and mode == "extra-class":
            scores["fox"] = 0.0
        label = "wolf" if misbehave and mode == "wolf" else ("cat" if cat > 0.5 else "dog")
        predictions.append({"id": example["id"], "label": label, "scores": scores})
    if misbehave and mode == "swapped" and len(predictions) > 1:
        predictions[0]["id"], predictions[1]["id"] = predictions[1]["id"], predictions[0]["id"]
    answer = json.dumps({"id": request["id"], "predictions": predictions})
    if misbehave and mode == "twice":
        answer = answer.replace('"label": ', '"label": "cat", "label": ', 1)
    print(answer, flush=True)
    answered += 1
