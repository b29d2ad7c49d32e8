package io.winrminvoke.plugin;

import static io.winrminvoke.plugin.Fixtures.CREDENTIALS_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hudson.model.Result;
import io.winrminvoke.simulator.SimulatedFleet;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a user sees, in a real browser: Debian's headless Chromium, driven through its
 * chromium-driver, against the Jenkins the test harness starts. Fills the step in the Snippet
 * Generator (the form's JavaScript, the credential list's refill) and checks the generated
 * script; opens a build's page and follows a host's transcript link. Screenshots are written to
 * {@code target/browser-screenshots/} for review. Skipped where Chromium is not installed.
 */
@WithJenkins
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs the tests as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theSnippetGeneratorWritesTheStepAUserFilledIn(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        WorkflowJob job = r.createProject(WorkflowJob.class, "deploy");

        driver.get(r.getURL() + "job/" + job.getName() + "/pipeline-syntax/");
        Select steps = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("select.dropdownList"))));
        String ours = steps.getOptions().stream().map(WebElement::getText)
                .filter(t -> t.startsWith("winrmInvoke:")).findFirst().orElseThrow();
        steps.selectByVisibleText(ours);
        WebElement hosts = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("textarea[name='_.hosts']")));
        hosts.sendKeys("web1.corp.example");
        driver.findElement(By.cssSelector("input[name='_.command']")).sendKeys("hostname");
        By credentials = By.cssSelector("select[name='_.credentialsId']");
        wait.until(d -> new Select(d.findElement(credentials)).getOptions().stream()
                .anyMatch(o -> CREDENTIALS_ID.equals(o.getDomAttribute("value"))));
        new Select(driver.findElement(credentials)).selectByValue(CREDENTIALS_ID);
        screenshot("snippet-generator-filled");

        driver.findElement(By.id("generatePipelineScript")).click();
        wait.until(d -> d.findElement(By.id("prototypeText")).getDomProperty("value").startsWith("winrmInvoke"));
        screenshot("snippet-generator-generated");

        assertThat(driver.findElement(By.id("prototypeText")).getDomProperty("value"))
                .isEqualTo("winrmInvoke command: 'hostname', credentialsId: '" + CREDENTIALS_ID
                        + "', hosts: 'web1.corp.example'");
    }

    @Test
    void theBuildPageShowsTheHostsAndLinksEachTranscript(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(3, "{\"hosts\": {\"2\": {\"exitCode\": 4, \"steps\": [{\"stdout\": \"disk full\\n\"}]}}}")) {
            WorkflowJob job = r.createProject(WorkflowJob.class, "deploy");
            job.setDefinition(new CpsFlowDefinition("node { " + Fixtures.step(fleet,
                    "command: 'echo deployed-here', onFailure: 'unstable'") + " }", true));
            WorkflowRun b = r.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

            driver.get(r.getURL() + b.getUrl());
            List<WebElement> rows = wait.until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("table.winrm-invoke-hosts tbody tr"), 3));
            screenshot("build-summary");
            assertThat(rows.get(0).getText()).contains(Fixtures.hostPort(fleet.host(2)), "FAILED", "4");
            assertThat(rows.get(1).getText()).contains(Fixtures.hostPort(fleet.host(0)), "SUCCEEDED");

            rows.get(1).findElement(By.linkText("log")).click();
            wait.until(d -> d.getPageSource().contains("deployed-here"));
            screenshot("host-transcript");
            assertThat(driver.getCurrentUrl()).contains("/artifact/" + b.getAction(WinRmInvokeAction.class).getReportDir()
                    + "/hosts/");
        }
    }
}
