"""A model as a subprocess, for the tests: reads JSON-lines requests on stdin and answers each
example "cat" when its first feature is below 0.5, else "dog", with scores. Optional arguments
make it misbehave after N requests: `crash N` exits with an error, `hang N` stops answering."""
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
    predictions = []
    for example in request["examples"]:
        cat = 0.9 if example["input"][0] < 0.5 else 0.2
        predictions.append({"id": example["id"], "label": "cat" if cat > 0.5 else "dog",
                            "scores": {"cat": cat, "dog": round(1 - cat, 6)}})
    print(json.dumps({"id": request["id"], "predictions": predictions}), flush=True)
    answered += 1
