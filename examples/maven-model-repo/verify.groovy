// Checks what the two builds of this example left: the cnn build's Surefire XML has failures
// naming the regressed digit slice and the negative flips; the int8 build's has none.
def cnn = new File(basedir, 'target/surefire-reports-cnn/TEST-com.example.models.MnistRegressionTest.xml').text
def int8 = new File(basedir, 'target/surefire-reports-int8/TEST-com.example.models.MnistRegressionTest.xml').text

assert cnn.contains('<testcase name="max-metric-drop on digit-6"') : 'no digit-6 test in the cnn report'
def digit6 = cnn.substring(cnn.indexOf('<testcase name="max-metric-drop on digit-6"'))
assert digit6.substring(0, digit6.indexOf('</testcase>')).contains('<failure') : 'digit-6 did not fail for cnn'
assert cnn.contains("negative flip rate on &apos;all&apos; is 0.42%") || cnn.contains("negative flip rate on 'all' is 0.42%") :
    'the cnn report does not explain the negative flips'
assert cnn.contains('t10k-00259') : 'the cnn report does not name the negative flips'
assert !int8.contains('<failure') : 'the int8 build reported failures'
assert !int8.contains('<error') : 'the int8 build reported errors'
return true
