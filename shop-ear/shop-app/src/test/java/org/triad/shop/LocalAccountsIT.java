package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.common.domain.DomainException;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.UserView;
import org.triad.testkit.Deployments;

/**
 * Shop-local accounts in the real shop.ear: register, activation by the mailed code (wrong codes counted, five tries),
 * sign-in only once active, lockout after five wrong passwords, reset by code; a bank sign-in with the e-mail of a
 * local account links nothing until that account's password is proven.
 */
@ExtendWith(ArquillianExtension.class)
class LocalAccountsIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.ear("shop", TestBank.EXTRA_CONFIG, TestBank.class, LocalAccountsIT.class);
        // the capture goes into the EJB module, which fires the mail events (a WAR's observers do not see them)
        JavaArchive core = ear.getAsType(JavaArchive.class, "shop-core.jar");
        core.addClass(MailCapture.class);
        ear.delete("shop-core.jar");
        ear.addAsModule(core);
        return ear;
    }

    @EJB
    AccountService accounts;

    private static void refused(Runnable call, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.problemType()).isEqualTo(type));
    }

    @Test
    void registerActivateSignInAndReset() {
        String email = "li.lei@example.com";
        refused(() -> accounts.register("Li Lei", "not-an-email", PASSWORD), "invalid-email");
        refused(() -> accounts.register("Li Lei", email, "short"), "invalid-password");
        refused(() -> accounts.register(" ", email, PASSWORD), "invalid-nickname");
        UserView user = accounts.register("Li Lei 李雷", "Li.Lei@Example.com", PASSWORD);
        refused(() -> accounts.register("Again", email, PASSWORD), "email-taken");
        assertThat(user.roles()).containsExactly("buyer");

        // not active yet: no sign-in, whatever the password
        assertThat(accounts.signInLocal(email, PASSWORD).outcome()).isEqualTo(AccountService.Outcome.NOT_ACTIVATED);
        String code = MailCapture.codeFor(email);
        assertThat(code).matches("\\d{6}");
        String wrong = code.equals("000000") ? "111111" : "000000";
        refused(() -> accounts.activate(email, wrong), "invalid-code");
        accounts.activate(email, code);
        assertThat(accounts.signInLocal(email, PASSWORD).outcome()).isEqualTo(AccountService.Outcome.OK);
        refused(() -> accounts.activate("nobody@example.com", code), "invalid-code");

        // five wrong passwords lock the account, as at the bank
        for (int i = 0; i < 4; i++) {
            assertThat(accounts.signInLocal(email, "wrong password " + i).outcome())
                    .isEqualTo(AccountService.Outcome.INVALID);
        }
        assertThat(accounts.signInLocal(email, "wrong password 5").outcome()).isEqualTo(AccountService.Outcome.LOCKED);
        assertThat(accounts.signInLocal(email, PASSWORD).outcome()).isEqualTo(AccountService.Outcome.LOCKED);

        // reset by code: a new password, the lock lifted; the code works once
        accounts.requestReset(email);
        String resetCode = MailCapture.codeFor(email);
        refused(() -> accounts.resetPassword(email, resetCode, "too short"), "invalid-password");
        accounts.resetPassword(email, resetCode, "a brand new passphrase");
        assertThat(accounts.signInLocal(email, "a brand new passphrase").outcome()).isEqualTo(AccountService.Outcome.OK);
        refused(() -> accounts.resetPassword(email, resetCode, "yet another passphrase"), "code-expired");
        accounts.requestReset("unknown@example.com");
        assertThat(MailCapture.codeFor("unknown@example.com")).isNull();
    }

    @Test
    void aCodeHasFiveTries() {
        String email = "han.meimei@example.com";
        accounts.register("Han Meimei", email, PASSWORD);
        String code = MailCapture.codeFor(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            refused(() -> accounts.activate(email, wrong), "invalid-code");
        }
        refused(() -> accounts.activate(email, wrong), "code-expired");
        refused(() -> accounts.activate(email, code), "code-expired");
        accounts.resendActivation(email);
        accounts.activate(email, MailCapture.codeFor(email));
        assertThat(accounts.signInLocal(email, PASSWORD).outcome()).isEqualTo(AccountService.Outcome.OK);
    }

    @Test
    void aBankSignInWithTheEmailOfALocalAccountLinksOnlyWithItsPassword() {
        String email = "zhang.wei@example.com";
        UserView local = accounts.register("Zhang Wei", email, PASSWORD);
        accounts.activate(email, MailCapture.codeFor(email));

        AccountService.BankSignIn first = accounts.signInWithBank("60001", "Zhang Wei (bank)", email, false);
        assertThat(first.user()).isNull();
        assertThat(first.linkCandidateLogin()).isEqualTo(email);
        assertThat(accounts.bankSubjectOf(local.id())).isNull();

        assertThat(accounts.linkWithPassword(email, "wrong password!", "60001", "Zhang Wei", email).outcome())
                .isEqualTo(AccountService.Outcome.INVALID);
        assertThat(accounts.bankSubjectOf(local.id())).isNull();
        AccountService.LocalSignIn linked = accounts.linkWithPassword(email, PASSWORD, "60001", "Zhang Wei", email);
        assertThat(linked.outcome()).isEqualTo(AccountService.Outcome.OK);
        assertThat(linked.user().id()).isEqualTo(local.id());
        assertThat(accounts.bankSubjectOf(local.id())).isEqualTo("60001");
        // from now on the bank sign-in is that user
        assertThat(accounts.signInWithBank("60001", "Zhang Wei", email, false).user().id()).isEqualTo(local.id());

        // someone else with the same e-mail at the bank can keep the accounts apart: a new user, nothing merged
        String other = "wang.fang@example.com";
        UserView second = accounts.register("Wang Fang", other, PASSWORD);
        accounts.activate(other, MailCapture.codeFor(other));
        UserView apart = accounts.signInWithBank("60002", "Wang Fang", other, true).user();
        assertThat(apart.id()).isNotEqualTo(second.id());
        assertThat(accounts.bankSubjectOf(second.id())).isNull();
    }
}
