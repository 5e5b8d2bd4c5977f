package dev.forumkit.core.webhook;


import dev.forumkit.core.Actor;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.session.SessionTokens;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Webhooks: admins subscribe URLs to event types, read each webhook's delivery log and deliver an event again.
 * Deliveries come from the event outbox in two steps. The consumer {@value #CONSUMER} writes one delivery row per event
 * and subscribed webhook in the batch's own transaction (so exactly once, however often the batch is redelivered);
 * {@link #deliverDue()} then posts due rows, each webhook's in turn on a thread of its own, and keeps each row's retry
 * state, so a dead receiver waits out its backoff without holding back the others or the outbox.
 */
public final class WebhookService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());
    public static final String CONSUMER = "webhooks";
    public static final String SECRET_PREFIX = "whsec_";
    /** A taken delivery is someone's for this long; a node that dies mid-attempt leaves it due again after it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int PER_ROUND = 200;
    private static final int PER_WEBHOOK_AND_ROUND = 20;
    private final ServiceContext ctx;
    private final WebhookSettings settings;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final ExecutorService senders;

    public WebhookService(ServiceContext ctx, WebhookSettings settings) {
        this.ctx = ctx;
        this.settings = settings;
        this.targets = new WebhookTargets(settings.allowPrivateAddresses());
        this.sender = new WebhookSender(settings.connectTimeout(), settings.readTimeout());
        this.senders = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "forumkit-webhook-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /** Subscribes a URL to event types (admins); the answer carries the signing secret. */
    public Webhook create(Actor actor, String url, Collection<String> events) {
        Set<String> types = check(url, events);
        Instant now = ctx.now();
        return ctx.command(e -> {
            Member me = requireAdmin(actor);
            Webhook w = ctx.storage.webhooks().add(new Webhook(null, url.strip(), types,
                    SECRET_PREFIX + SessionTokens.newToken(), true, 0, null, null, me.id(), now,
                    ctx.storage.eventLog().head()));
            ctx.audit.record(me.id(), AuditAction.WEBHOOK_CREATE, AuditTarget.webhook(w.id().value()), null,
                    w.url() + " " + String.join(" ", new TreeSet<>(w.events())), null);
            return w;
        });
    }

    public List<Webhook> list(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> {
            requireAdmin(actor);
            return ctx.storage.webhooks().all();
        });
    }

    public Webhook get(Actor actor, WebhookId id) {
        return ctx.storage.transactions().readOnly(() -> {
            requireAdmin(actor);
            return find(id);
        });
    }

    /** Changes URL and event types (null: unchanged) and enables or disables it (null: unchanged). */
    public Webhook update(Actor actor, WebhookId id, String url, Collection<String> events, Boolean active) {
        Webhook old = get(actor, id);
        String newUrl = url == null ? old.url() : url.strip();
        Set<String> types = check(newUrl, events == null ? old.events() : events);
        return ctx.command(e -> {
            Member me = requireAdmin(actor);
            Webhook w = find(id);
            boolean on = active == null ? w.active() : active;
            boolean enabling = on && !w.active();
            Webhook changed = new Webhook(w.id(), newUrl, types, w.secret(), on, enabling ? 0 : w.failures(),
                    on ? null : w.disabledAt() == null ? ctx.now() : w.disabledAt(),
                    on ? null : w.disabledReason() == null ? "disabled by an admin" : w.disabledReason(),
                    w.createdBy(), w.createdAt(), w.afterPosition());
            ctx.storage.webhooks().update(changed);
            ctx.audit.record(me.id(), AuditAction.WEBHOOK_UPDATE, AuditTarget.webhook(id.value()), describe(w),
                    describe(changed), null);
            return changed;
        });
    }

    public void remove(Actor actor, WebhookId id) {
        ctx.command(e -> {
            Member me = requireAdmin(actor);
            Webhook w = find(id);
            ctx.storage.webhooks().remove(id);
            ctx.audit.record(me.id(), AuditAction.WEBHOOK_REMOVE, AuditTarget.webhook(id.value()), describe(w), null, null);
            return null;
        });
    }

    /** The webhook's delivery log, newest first. */
    public List<WebhookDelivery> deliveries(Actor actor, WebhookId id, int limit) {
        return ctx.storage.transactions().readOnly(() -> {
            requireAdmin(actor);
            find(id);
            return ctx.storage.webhooks().deliveries(id, Math.max(1, Math.min(limit, 500)));
        });
    }

    /** Queues a delivery again, due at once, whatever became of it (admins); the body and event id stay the same. */
    public WebhookDelivery redeliver(Actor actor, WebhookId id, long deliveryId) {
        Instant now = ctx.now();
        return ctx.storage.transactions().inTransaction(() -> {
            requireAdmin(actor);
            WebhookDelivery d = ctx.storage.webhooks().delivery(deliveryId).filter(x -> x.webhook().equals(id))
                    .orElseThrow(() -> new NotFoundException("no delivery " + deliveryId + " of webhook " + id));
            WebhookDelivery again = d.requeued(now);
            ctx.storage.webhooks().saveAttempt(again);
            return again;
        });
    }

    /** The outbox consumer: a delivery row per subscribed webhook, in the batch's transaction. */
    public void handle(EventDelivery d) {
        handle(d, ctx.storage.webhooks().all());
    }

    /**
     * The outbox consumer's handler for one batch, in the batch's transaction: the webhooks are read once for the
     * batch, not once per event. A webhook added meanwhile misses nothing: it wants only events after the head at its
     * making, and every event of the batch was committed before the batch was read.
     */
    public dev.forumkit.core.event.EventHandler forBatch(List<EventDelivery> batch) {
        if (batch.stream().noneMatch(d -> WebhookEvents.typeOf(d.event()) != null)) {
            return d -> { };
        }
        List<Webhook> all = ctx.storage.webhooks().all();
        return d -> handle(d, all);
    }

    private void handle(EventDelivery d, List<Webhook> all) {
        String type = WebhookEvents.typeOf(d.event());
        if (type == null) {
            return;
        }
        List<Webhook> hooks = all.stream().filter(w -> w.wants(type, d.position())).toList();
        if (hooks.isEmpty()) {
            return;
        }
        String payload = WebhookEvents.payload(d, type);
        Instant now = ctx.now();
        for (Webhook w : hooks) {
            ctx.storage.webhooks().addDelivery(WebhookDelivery.pending(w.id(), d.position(), d.idempotencyKey(), type,
                    payload, now));
        }
    }

    /**
     * Posts every delivery due now, each webhook's on a sender thread, and waits for them; returns how many attempts
     * were made. The forum calls it every {@link WebhookSettings#pollInterval()}; tests call it directly.
     */
    public int deliverDue() {
        Instant now = ctx.now();
        List<WebhookDelivery> due = ctx.storage.transactions().readOnly(() -> ctx.storage.webhooks().due(now, PER_ROUND));
        Map<WebhookId, List<WebhookDelivery>> byHook = new LinkedHashMap<>();
        for (WebhookDelivery d : due) {
            List<WebhookDelivery> list = byHook.computeIfAbsent(d.webhook(), k -> new ArrayList<>());
            if (list.size() < PER_WEBHOOK_AND_ROUND) {
                list.add(d);
            }
        }
        List<Future<Integer>> running = new ArrayList<>();
        for (List<WebhookDelivery> list : byHook.values()) {
            running.add(senders.submit(() -> sendAll(list)));
        }
        int attempts = 0;
        for (Future<Integer> f : running) {
            try {
                attempts += f.get();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "webhook deliveries failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return attempts;
    }

    private int sendAll(List<WebhookDelivery> list) {
        int n = 0;
        for (WebhookDelivery d : list) {
            Instant now = ctx.now();
            boolean mine = ctx.storage.transactions().inTransaction(
                    () -> ctx.storage.webhooks().claim(d.id(), d.nextAttemptAt(), now.plus(LEASE)));
            Webhook w = mine ? ctx.storage.transactions().readOnly(() -> ctx.storage.webhooks().byId(d.webhook()))
                    .orElse(null) : null;
            if (w == null || !w.active()) {
                continue;
            }
            attempt(w, d);
            n++;
        }
        return n;
    }

    private void attempt(Webhook w, WebhookDelivery d) {
        long timestamp = ctx.clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forumkit-Event", d.eventType());
        headers.put("X-Forumkit-Delivery", d.eventId());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.HEADER, WebhookSignature.sign(w.secret(), timestamp, d.payload()));
        Integer status = null;
        String error = null;
        long start = System.nanoTime();
        try {
            status = sender.post(targets.resolve(w.url()), headers, d.payload());
            if (status < 200 || status > 299) {
                error = "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "");
            }
        } catch (WebhookTargets.Refused e) {
            error = "refused: " + e.getMessage();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Instant after = ctx.now();
        WebhookDelivery next;
        if (error == null) {
            next = d.attempted(WebhookDelivery.Status.DELIVERED, after, status, millis, null, after);
        } else if (after.isBefore(d.createdAt().plus(settings.retryWindow()))) {
            next = d.attempted(WebhookDelivery.Status.PENDING, after.plus(settings.backoff(d.attempts() + 1)), status,
                    millis, error, null);
        } else {
            next = d.attempted(WebhookDelivery.Status.FAILED, after, status, millis, error, null);
        }
        String reason = "disabled after " + settings.disableAfter() + " failed attempts in a row; the last: " + error;
        boolean ok = error == null;
        Webhook now = ctx.command(events -> {
            ctx.storage.webhooks().saveAttempt(next);
            Webhook outcome = ctx.storage.webhooks().recordOutcome(w.id(), ok, settings.disableAfter(), reason, after)
                    .orElse(null);
            // this attempt disabled it (its time and reason): the admins are alerted, once, through the outbox
            if (outcome != null && !outcome.active() && after.equals(outcome.disabledAt()) && reason.equals(outcome.disabledReason())) {
                events.add(new ForumEvent.WebhookDisabled(w.id(), outcome.failures(), after));
            }
            return outcome;
        });
        if (now != null && !now.active() && w.active()) {
            LOG.warning(() -> "webhook " + w.id() + " (" + w.url() + ") " + reason);
        }
    }

    private Set<String> check(String url, Collection<String> events) {
        Validation v = Validation.start().length(url, "url", 1, 2000).noControlCharacters(url, "url")
                .require(events != null && !events.isEmpty(), "events", "required", "subscribe to at least one event type");
        if (url != null && !url.isBlank()) {
            try {
                targets.resolve(url);
            } catch (WebhookTargets.Refused e) {
                v.require(false, "url", "url_refused", e.getMessage());
            }
        }
        Set<String> types = new TreeSet<>();
        if (events != null) {
            for (String t : events) {
                String type = t == null ? "" : t.strip();
                v.require(WebhookEvents.TYPES.contains(type), "events", "unknown_event",
                        "no event type " + type + "; known: " + String.join(", ", new TreeSet<>(WebhookEvents.TYPES)));
                types.add(type);
            }
        }
        v.orThrow();
        return types;
    }

    private Webhook find(WebhookId id) {
        return ctx.storage.webhooks().byId(id).orElseThrow(() -> new NotFoundException("no webhook " + id));
    }

    private Member requireAdmin(Actor actor) {
        Member me = ctx.requireMember(actor);
        ctx.policy.check(ctx.standing(me), Action.MANAGE_INTEGRATIONS, Target.NONE);
        return me;
    }

    private static String describe(Webhook w) {
        return w.url() + " " + String.join(" ", new TreeSet<>(w.events())) + (w.active() ? "" : " (disabled)");
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
