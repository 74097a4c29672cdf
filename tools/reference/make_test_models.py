"""Makes the small ONNX models the adapter tests need and no bundled model provides.

Run once (Debian's python3-onnx) to regenerate the committed test resources:
    /usr/bin/python3 tools/reference/make_test_models.py golden-sets/mnist/models/mnist-8.onnx \
        harness/fixtures/models

- mnist-8-argmax-label.onnx: mnist-8 with an ArgMax appended, so its output is an int64
  class index (output kind `label`), not logits.
- mnist-8-shifted-classes.onnx: mnist-8 with its logits rotated by one class (class k's logit
  answered as class k + 1), same input and output names: a different model that a server can swap
  in behind the same URL, for the stale-answer tests.
- linear-regression-{a,b}.onnx: y = x · w + b on two features (output kind `value`), two
  different weightings for a deployed and a candidate regression model.
"""
import sys

import onnx
from onnx import TensorProto, helper

source, out = sys.argv[1], sys.argv[2]

model = onnx.load(source)
graph = model.graph
graph.node.append(helper.make_node("ArgMax", ["Plus214_Output_0"], ["label"], axis=1, keepdims=0))
del graph.output[:]
graph.output.append(helper.make_tensor_value_info("label", TensorProto.INT64, [1]))
onnx.checker.check_model(model)
onnx.save(model, f"{out}/mnist-8-argmax-label.onnx")

shifted = onnx.load(source)
for node in shifted.graph.node:
    node.output[:] = ["original_logits" if o == "Plus214_Output_0" else o for o in node.output]
rotation = helper.make_tensor("rotation_value", TensorProto.INT64, [10], [9, 0, 1, 2, 3, 4, 5, 6, 7, 8])
shifted.graph.node.append(helper.make_node("Constant", [], ["rotation"], value=rotation))
shifted.graph.node.append(helper.make_node("Gather", ["original_logits", "rotation"], ["Plus214_Output_0"], axis=1))
onnx.checker.check_model(shifted)
onnx.save(shifted, f"{out}/mnist-8-shifted-classes.onnx")

for name, weights, bias in [("a", [2.0, -1.0], 0.5), ("b", [2.1, -0.9], 0.3)]:
    w = helper.make_tensor("w", TensorProto.FLOAT, [2, 1], weights)
    b = helper.make_tensor("b", TensorProto.FLOAT, [1], [bias])
    nodes = [helper.make_node("MatMul", ["x", "w"], ["xw"]), helper.make_node("Add", ["xw", "b"], ["y"])]
    g = helper.make_graph(nodes, f"linear-{name}", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", 2])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["n", 1])], [w, b])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)], producer_name="flipgate-tests")
    m.ir_version = 7
    onnx.checker.check_model(m)
    onnx.save(m, f"{out}/linear-regression-{name}.onnx")
print("wrote", out)
