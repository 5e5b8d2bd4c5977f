package dev.forumkit.web.internal.html;


/** Registers every HTML page and form target of the forum on the page table. */
public final class Pages {
    private Pages() {
    }

    public static void register(PageTable t) {
        ReadPages.register(t);
        AccountPages.register(t);
        AccountSettingsPages.register(t);
        AvatarPages.register(t);
        MemberListPages.register(t);
        PostingPages.register(t);
        ModerationPages.register(t);
        AdminPages.register(t);
        OutboxPages.register(t);
        GroupPages.register(t);
        PermissionPages.register(t);
        Assets.register(t);
        t.get("/attachments/{attachmentId}/{name}", dev.forumkit.web.Access.ANYONE, dev.forumkit.web.internal.AttachmentServing::file);
        t.get("/attachments/{attachmentId}/thumbnail/{name}", dev.forumkit.web.Access.ANYONE,
                dev.forumkit.web.internal.AttachmentServing::thumbnail);
        AlertPages.register(t);
        AlertSettingsPages.register(t);
        WatchPages.register(t);
        ConversationPages.register(t);
        PasswordResetPages.register(t);
        EmailVerificationPages.register(t);
        UnsubscribePages.register(t);
        SearchPages.register(t);
        SearchAdminPages.register(t);
        ReportPages.register(t);
        WarningPages.register(t);
        AuditPages.register(t);
        ApprovalPages.register(t);
        ApiKeyPages.register(t);
        WebhookPages.register(t);
    }
}
