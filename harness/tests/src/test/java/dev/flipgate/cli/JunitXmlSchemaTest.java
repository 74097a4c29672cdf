package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.testing.MnistRun;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * The JUnit XML the GitLab job ({@code artifacts:reports:junit}) and the Jenkinsfile ({@code junit}
 * step) publish is what those servers read: it keeps to the JUnit report schema in
 * {@code harness/fixtures/junit-xml} (see its header for where each constraint comes from).
 */
class JunitXmlSchemaTest {
  private static Validator validator() throws SAXException {
    var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    return factory.newSchema(RepositoryPaths.testResource("junit-xml/junit-report.xsd").toFile()).newValidator();
  }

  private static String report() throws IOException {
    // The file the CI examples name: ci/gitlab/gitlab-ci.yml and ci/jenkins/Jenkinsfile.
    return Files.readString(MnistRun.junitXmlDirectory().resolve("TEST-flipgate.xml"));
  }

  @Test
  void theCiExamplesNameTheFileTheGateWrites() throws IOException {
    assertThat(Files.readString(RepositoryPaths.root().resolve("ci/gitlab/gitlab-ci.yml")))
        .contains("--junit-xml reports/junit").contains("junit: reports/junit/TEST-flipgate.xml");
    assertThat(Files.readString(RepositoryPaths.root().resolve("ci/jenkins/Jenkinsfile")))
        .contains("--junit-xml reports/junit").contains("junit testResults: 'reports/junit/TEST-flipgate.xml'");
    assertThat(MnistRun.junitXmlDirectory().resolve("TEST-flipgate.xml")).exists();
  }

  @Test
  void theMnistGatesJunitXmlKeepsToTheSchemaWithEveryRegressionAFailure() throws Exception {
    String xml = report();

    validator().validate(new StreamSource(new StringReader(xml)));
    assertThat(xml).contains("<failure message=\"negative flips: negative flip rate on 'confusable'")
        .contains("<skipped");
  }

  @Test
  void theSchemaRefusesATestCaseTheServersCouldNotPlace() throws IOException {
    String withoutClassname = report().replaceFirst("classname=\"[^\"]*\"", "");

    assertThatThrownBy(() -> validator().validate(new StreamSource(new StringReader(withoutClassname))))
        .isInstanceOf(SAXException.class).hasMessageContaining("classname");
  }
}
