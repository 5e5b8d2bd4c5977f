package dev.forumkit.web.internal;

/** The plugin's rate limits for the HTML pages, which share them with the API (one budget per person, not two). */
public final class Throttles {
    private Throttles() {
    }

    public static Throttle signInPerIp(Api api) {
        return api.signInPerIp;
    }

    public static Throttle signInPerAccount(Api api) {
        return api.signInPerAccount;
    }

    public static Throttle registrationPerIp(Api api) {
        return api.registrationPerIp;
    }

    public static Throttle postingPerMember(Api api) {
        return api.postingPerMember;
    }

    public static Throttle reportingPerMember(Api api) {
        return api.reportingPerMember;
    }

    public static Throttle passwordResetPerIp(Api api) {
        return api.passwordResetPerIp;
    }

    public static Throttle passwordResetPerAddress(Api api) {
        return api.passwordResetPerAddress;
    }

    public static Throttle searchPerGuestIp(Api api) {
        return api.searchPerGuestIp;
    }
}
