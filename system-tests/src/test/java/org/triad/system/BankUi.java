package org.triad.system;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The bank's web pages in a {@link Browser}: opening a page, the sign-in form and the shell's sign-out. */
final class BankUi {

    private final Browser browser;

    BankUi(Browser browser) {
        this.browser = browser;
    }

    void open(String path) {
        browser.open("bank", path);
    }

    /** Fills in and submits the sign-in form shown. */
    void signIn(String user, String password) {
        browser.type(By.id("signin:username"), user);
        browser.type(By.id("signin:password"), password);
        browser.click(By.id("signin:submit"));
    }

    void signOut() {
        open("/index.xhtml");
        browser.click(By.id("shell:signout"));
        browser.waits().until(ExpectedConditions.urlContains("signedOut=true"));
    }
}
