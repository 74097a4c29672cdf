// Checks what the invocation left (invoker.properties): a predictions-file gate needs no ONNX Runtime,
// so neither the dependency tree nor the test class path names it; and the gate ran as tests, all passed.
def tree = new File(basedir, 'target/dependency-tree.txt').text
def classpath = new File(basedir, 'target/test-classpath.txt').text
assert tree.contains('dev.flipgate:flipgate-core:jar') && tree.contains('dev.flipgate:flipgate-junit:jar') : tree
assert !tree.contains('onnxruntime') : "ONNX Runtime is in the dependency tree:\n${tree}"
assert !classpath.contains('onnxruntime') : "ONNX Runtime is on the test class path: ${classpath}"
assert !classpath.contains('flipgate-onnx') : "flipgate-onnx is on the test class path: ${classpath}"

def xml = new File(basedir, 'target/surefire-reports/TEST-com.example.models.BreastCancerPredictionsTest.xml').text
def tests = (xml =~ /<testsuite[^>]* tests="(\d+)"/)[0][1] as int
assert tests >= 5 : "only ${tests} tests ran"
assert !xml.contains('<failure') && !xml.contains('<error') : 'the gate reported failures'
assert xml.contains('<testcase name="max-metric-drop on all"') || xml.contains('max-metric-drop on all') : 'no rule test in the report'
assert new File(basedir, 'target/flipgate').exists() : 'the gate wrote no reports'
return true
