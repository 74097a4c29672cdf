// Checks what the four invocations of this example left (invoker.properties): the int8 build's
// Surefire XML has no failures; the cnn build's has failures naming the regressed digit slice and
// the negative flips; and the Allure report of the cnn run (Allure 2.34.1 commandline) lists the
// same failed tests, in Flipgate's categories, with their attachments and the int8 run as history.
import groovy.json.JsonSlurper

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

def report = new File(basedir, 'target/site/allure-maven-plugin')
def json = new JsonSlurper()
def cases = new File(report, 'data/test-cases').listFiles().collect { json.parse(it) }
def failedInXml = (cnn =~ /<testcase name="([^"]+)"[^>]*>\s*<failure/).collect { it[1].replace('&apos;', "'") } as Set
def failedInAllure = cases.findAll { it.status == 'failed' }.collect { it.name } as Set
assert !failedInXml.isEmpty()
assert failedInAllure == failedInXml : "Allure failed ${failedInAllure - failedInXml}, Surefire failed ${failedInXml - failedInAllure}"

def byName = cases.collectEntries { [(it.name): it] }
def slice = byName['max-metric-drop on digit-6']
assert slice.labels.find { it.name == 'feature' }?.value == 'slice digit-6'
assert slice.labels.find { it.name == 'suite' }?.value == 'mnist'
assert slice.labels.find { it.name == 'severity' }?.value == 'critical'
assert slice.parameters.find { it.name == 'candidate model' }?.value == 'tribuo-pytorch-cnn'
assert slice.parameters.find { it.name == 'deployed sha256' }?.value ==~ /[0-9a-f]{64}/
def sliceAttachments = slice.testStage.attachments
assert sliceAttachments.any { it.name == 'examples.csv' } && sliceAttachments.any { it.name.endsWith('.png') }
sliceAttachments.each { assert new File(report, "data/attachments/${it.source}").length() > 0 : "attachment ${it.name} is missing" }
assert byName['gate verdict'].testStage.attachments*.name.containsAll(['result.json', 'summary.md', 'report.html'])

def categories = json.parse(new File(report, 'data/categories.json')).children
// Allure groups a category's tests by failure message: category → message → test.
def inCategory = { name -> categories.find { it.name == name }?.children?.collectMany { it.children*.name } as Set }
assert inCategory('Negative flips') == ['max-negative-flip-rate on all', 'max-negative-flip-rate on confusable'] as Set
assert inCategory('Slice regression') == ['max-metric-drop on digit-6'] as Set
assert inCategory('Gate verdicts') == ['gate verdict'] as Set
assert inCategory('Adversarial').contains('max-robustness-drop on shift-2px')

def trend = json.parse(new File(report, 'history/history-trend.json'))
assert trend.size() == 2 : "the report's trend should show both runs, has ${trend.size()}"
assert trend[0].data.failed == failedInXml.size() && trend[1].data.failed == 0
assert slice.extra.history.items.size() == 1 : 'the digit-6 test has no history from the int8 run'
def environment = json.parse(new File(report, 'widgets/environment.json')).collectEntries { [(it.name): it.values[0]] }
assert environment['mnist.candidate'].startsWith('tribuo-pytorch-cnn (sha256 ')
return true
