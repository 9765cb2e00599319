-- Schema for the diff benchmark: a multi-tenant SaaS database of ~300 tables in eight schemas,
-- with FKs, checks, ~330 indexes besides the keys' own, 43 views, 61 functions, 30 triggers,
-- enums, domains, a composite type, sequences, a partitioned table, RLS policies and comments.
-- version=1 builds it; version=2 builds it, then applies one release's worth of change to it.
-- Shapes are a function of each table's place in the lists below: every run builds the same schema.
-- Usage: psql -X -q -v ON_ERROR_STOP=1 -v version=1 -f bench/generate_diff_schema.sql DSN
SELECT :version >= 2 AS release \gset
SET client_min_messages = warning;

CREATE SCHEMA app;
CREATE SCHEMA billing;
CREATE SCHEMA crm;
CREATE SCHEMA support;
CREATE SCHEMA analytics;
CREATE SCHEMA integrations;
CREATE SCHEMA inventory;
CREATE SCHEMA audit;
COMMENT ON SCHEMA app IS 'Tenants, people and the objects every module shares.';
COMMENT ON SCHEMA billing IS 'Plans, subscriptions, invoices and payments.';
COMMENT ON SCHEMA audit IS 'Append-only change log, partitioned by quarter.';

CREATE TYPE app.plan_tier AS ENUM ('free', 'starter', 'pro', 'enterprise');
CREATE TYPE app.member_role AS ENUM ('owner', 'admin', 'member', 'guest');
CREATE TYPE app.record_status AS ENUM ('draft', 'active', 'paused', 'archived');
CREATE TYPE billing.invoice_status AS ENUM ('draft', 'open', 'paid', 'void', 'uncollectible');
CREATE TYPE crm.deal_stage AS ENUM ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost');
CREATE TYPE support.ticket_priority AS ENUM ('low', 'normal', 'high', 'urgent');
CREATE TYPE support.ticket_status AS ENUM ('new', 'open', 'pending', 'solved', 'closed');
CREATE TYPE app.postal_address AS (
    line1 text, line2 text, city text, region text, postal_code text, country char(2)
);
CREATE DOMAIN app.email AS text CHECK (VALUE ~ '^[^@\s]+@[^@\s]+$');
CREATE DOMAIN app.money_amount AS numeric(14,2) CHECK (VALUE >= 0);
CREATE DOMAIN app.percentage AS numeric(5,2) CHECK (VALUE BETWEEN 0 AND 100);
CREATE DOMAIN app.slug AS varchar(63) CHECK (VALUE ~ '^[a-z0-9][a-z0-9-]*$');
CREATE DOMAIN app.currency_code AS char(3) DEFAULT 'USD' CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE DOMAIN app.country_code AS char(2) CHECK (VALUE ~ '^[A-Z]{2}$');
COMMENT ON TYPE app.plan_tier IS 'Commercial tier; decides limits and features.';
COMMENT ON DOMAIN app.money_amount IS 'A non-negative amount in the currency of its row.';

CREATE SEQUENCE billing.invoice_number_seq START 100001;
CREATE SEQUENCE support.ticket_number_seq START 1000 CACHE 10;

-- The hand-written core every module refers to.
CREATE TABLE app.organizations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug app.slug NOT NULL UNIQUE,
    name text NOT NULL,
    plan app.plan_tier NOT NULL DEFAULT 'free',
    country app.country_code,
    billing_email app.email,
    billing_address app.postal_address,
    settings jsonb NOT NULL DEFAULT '{}',
    old_plan_code varchar(16),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE INDEX organizations_live_idx ON app.organizations (created_at) WHERE deleted_at IS NULL;
COMMENT ON TABLE app.organizations IS 'A tenant: every other row belongs to one.';
COMMENT ON COLUMN app.organizations.old_plan_code IS 'Plan code of the 2019 pricing.';

CREATE TABLE app.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email app.email NOT NULL,
    full_name text NOT NULL,
    password_hash text,
    legacy_password_md5 char(32),
    locale varchar(5) NOT NULL DEFAULT 'en',
    time_zone text NOT NULL DEFAULT 'UTC',
    is_staff boolean NOT NULL DEFAULT false,
    last_login_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON app.users (lower(email));
CREATE INDEX users_staff_idx ON app.users (id) WHERE is_staff;
COMMENT ON TABLE app.users IS 'A person who can sign in; a member of organizations.';

CREATE TABLE app.memberships (
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    user_id bigint NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    role app.member_role NOT NULL DEFAULT 'member',
    invited_by bigint REFERENCES app.users (id) ON DELETE SET NULL,
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX memberships_user_id_idx ON app.memberships (user_id);

CREATE TABLE app.teams (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    description text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, name)
);

CREATE TABLE app.team_members (
    team_id bigint NOT NULL REFERENCES app.teams (id) ON DELETE CASCADE,
    user_id bigint NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    is_lead boolean NOT NULL DEFAULT false,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user_id_idx ON app.team_members (user_id);

CREATE TABLE app.invitations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    email app.email NOT NULL,
    role app.member_role NOT NULL DEFAULT 'member',
    token_hash bytea NOT NULL UNIQUE,
    invited_by bigint REFERENCES app.users (id) ON DELETE SET NULL,
    expires_at timestamptz NOT NULL,
    accepted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (accepted_at IS NULL OR accepted_at <= expires_at)
);
CREATE INDEX invitations_pending_idx ON app.invitations (organization_id, lower(email))
    WHERE accepted_at IS NULL;

CREATE TABLE app.api_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    prefix varchar(8) NOT NULL UNIQUE,
    key_hash bytea NOT NULL,
    scopes text[] NOT NULL DEFAULT '{}',
    created_by bigint REFERENCES app.users (id) ON DELETE SET NULL,
    last_used_at timestamptz,
    expires_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_active_idx ON app.api_keys (organization_id) WHERE revoked_at IS NULL;
CREATE INDEX api_keys_scopes_idx ON app.api_keys USING gin (scopes);

CREATE TABLE app.sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id bigint NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    ip inet,
    user_agent text,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_id_idx ON app.sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON app.sessions (expires_at);

CREATE TABLE billing.plans (
    id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code varchar(32) NOT NULL UNIQUE,
    name text NOT NULL,
    tier app.plan_tier NOT NULL,
    monthly_price app.money_amount NOT NULL,
    annual_price app.money_amount,
    currency app.currency_code NOT NULL,
    seat_limit integer CHECK (seat_limit > 0),
    features jsonb NOT NULL DEFAULT '{}',
    is_public boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE billing.subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    plan_id integer NOT NULL REFERENCES billing.plans (id),
    status text NOT NULL DEFAULT 'trialing'
        CHECK (status IN ('trialing', 'active', 'past_due', 'canceled')),
    quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
    current_period_start timestamptz NOT NULL,
    current_period_end timestamptz NOT NULL,
    cancel_at timestamptz,
    canceled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT subscriptions_period_check CHECK (current_period_end > current_period_start)
);
CREATE UNIQUE INDEX subscriptions_one_live_idx ON billing.subscriptions (organization_id)
    WHERE status IN ('trialing', 'active', 'past_due');
CREATE INDEX subscriptions_plan_id_idx ON billing.subscriptions (plan_id);

CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    subscription_id bigint REFERENCES billing.subscriptions (id) ON DELETE SET NULL,
    number bigint NOT NULL UNIQUE DEFAULT nextval('billing.invoice_number_seq'),
    status billing.invoice_status NOT NULL DEFAULT 'draft',
    currency app.currency_code NOT NULL,
    subtotal app.money_amount NOT NULL DEFAULT 0,
    total app.money_amount NOT NULL DEFAULT 0,
    due_on date,
    issued_at timestamptz,
    pdf_url text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER SEQUENCE billing.invoice_number_seq OWNED BY billing.invoices.number;
CREATE INDEX invoices_organization_status_idx ON billing.invoices (organization_id, status);
CREATE INDEX invoices_overdue_idx ON billing.invoices (due_on) WHERE status = 'open';
CREATE INDEX invoices_subscription_id_idx ON billing.invoices (subscription_id);
COMMENT ON COLUMN billing.invoices.number IS 'Gapless per installation, shown to customers.';

CREATE TABLE billing.invoice_lines (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES billing.invoices (id) ON DELETE CASCADE,
    description text NOT NULL,
    quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_amount app.money_amount NOT NULL,
    period daterange,
    position smallint NOT NULL DEFAULT 0
);
CREATE INDEX invoice_lines_invoice_id_idx ON billing.invoice_lines (invoice_id, position);

CREATE TABLE billing.payments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_id bigint NOT NULL REFERENCES billing.invoices (id),
    amount app.money_amount NOT NULL,
    method text CHECK (method IN ('card', 'ach', 'wire', 'paypal')),
    provider_ref varchar(64) UNIQUE,
    succeeded_at timestamptz,
    failed_at timestamptz,
    failure_code text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payments_outcome_check CHECK (succeeded_at IS NULL OR failed_at IS NULL)
);
CREATE INDEX payments_invoice_id_idx ON billing.payments (invoice_id);
CREATE INDEX payments_failed_idx ON billing.payments (created_at) WHERE failed_at IS NOT NULL;

CREATE TABLE crm.companies (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    domain text,
    industry text,
    employee_count integer CHECK (employee_count >= 0),
    annual_revenue app.money_amount,
    address app.postal_address,
    owner_id bigint REFERENCES app.users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    UNIQUE (organization_id, domain)
);
CREATE INDEX companies_owner_id_idx ON crm.companies (owner_id);
CREATE INDEX companies_name_idx ON crm.companies (organization_id, lower(name))
    WHERE deleted_at IS NULL;

CREATE TABLE crm.contacts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    company_id bigint REFERENCES crm.companies (id) ON DELETE SET NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
    email app.email,
    phone varchar(32),
    fax varchar(32),
    title text,
    lifecycle text NOT NULL DEFAULT 'subscriber'
        CHECK (lifecycle IN ('subscriber', 'lead', 'opportunity', 'customer', 'churned')),
    owner_id bigint REFERENCES app.users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE INDEX contacts_company_id_idx ON crm.contacts (company_id);
CREATE INDEX contacts_email_idx ON crm.contacts (organization_id, lower(email))
    WHERE deleted_at IS NULL;
CREATE INDEX contacts_full_name_prefix_idx ON crm.contacts (lower(full_name) text_pattern_ops);

CREATE TABLE crm.deals (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    company_id bigint REFERENCES crm.companies (id) ON DELETE SET NULL,
    contact_id bigint REFERENCES crm.contacts (id) ON DELETE SET NULL,
    name text NOT NULL,
    stage crm.deal_stage NOT NULL DEFAULT 'lead',
    amount app.money_amount,
    currency app.currency_code NOT NULL,
    probability smallint CHECK (probability BETWEEN 0 AND 100),
    expected_close_on date,
    owner_id bigint REFERENCES app.users (id) ON DELETE SET NULL,
    closed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deals_closed_check CHECK ((stage IN ('won', 'lost')) = (closed_at IS NOT NULL))
);
CREATE INDEX deals_company_id_idx ON crm.deals (company_id);
CREATE INDEX deals_contact_id_idx ON crm.deals (contact_id);
CREATE INDEX deals_open_idx ON crm.deals (organization_id, stage) WHERE closed_at IS NULL;

CREATE TABLE support.tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number bigint NOT NULL UNIQUE DEFAULT nextval('support.ticket_number_seq'),
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    requester_email app.email NOT NULL,
    subject varchar(200) NOT NULL,
    status support.ticket_status NOT NULL DEFAULT 'new',
    priority support.ticket_priority NOT NULL DEFAULT 'normal',
    assignee_id bigint REFERENCES app.users (id) ON DELETE SET NULL,
    legacy_ref varchar(32),
    due_at timestamptz,
    solved_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tickets_solved_check CHECK (solved_at IS NULL OR status IN ('solved', 'closed'))
);
CREATE INDEX tickets_open_idx ON support.tickets (organization_id, priority)
    WHERE status NOT IN ('solved', 'closed');
CREATE INDEX tickets_assignee_id_idx ON support.tickets (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_due_at_idx ON support.tickets (due_at);
CREATE INDEX tickets_requester_idx ON support.tickets (lower(requester_email::text));

CREATE TABLE support.ticket_messages (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id bigint NOT NULL REFERENCES support.tickets (id) ON DELETE CASCADE,
    author_id bigint REFERENCES app.users (id) ON DELETE SET NULL,
    body text NOT NULL,
    is_internal boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_messages_ticket_id_idx ON support.ticket_messages (ticket_id, created_at);

CREATE TABLE audit.events (
    id bigserial,
    organization_id bigint,
    actor_id bigint,
    table_name text NOT NULL,
    action char(1) NOT NULL CHECK (action IN ('I', 'U', 'D')),
    row_id text,
    changes jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE audit.events_2025_q1 PARTITION OF audit.events
    FOR VALUES FROM ('2025-01-01') TO ('2025-04-01');
CREATE TABLE audit.events_2025_q2 PARTITION OF audit.events
    FOR VALUES FROM ('2025-04-01') TO ('2025-07-01');
CREATE TABLE audit.events_2025_q3 PARTITION OF audit.events
    FOR VALUES FROM ('2025-07-01') TO ('2025-10-01');
CREATE TABLE audit.events_2025_q4 PARTITION OF audit.events
    FOR VALUES FROM ('2025-10-01') TO ('2026-01-01');
CREATE INDEX events_organization_idx ON audit.events (organization_id, created_at);

-- Functions of the core.
CREATE FUNCTION app.current_org_id() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('app.org_id', true), '')::bigint
$$;
COMMENT ON FUNCTION app.current_org_id() IS 'The tenant of this session, set per request.';

CREATE FUNCTION app.slugify(p_text text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT lower(regexp_replace(p_text, '[^A-Za-z0-9]+', '-', 'g'))
$$;

CREATE FUNCTION app.is_member(p_org bigint, p_user bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM app.memberships WHERE organization_id = p_org AND user_id = p_user)
$$;

CREATE FUNCTION app.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE FUNCTION audit.record_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    INSERT INTO audit.events (organization_id, actor_id, table_name, action, row_id, changes)
    VALUES ((r ->> 'organization_id')::bigint,
            nullif(current_setting('app.user_id', true), '')::bigint,
            TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, left(TG_OP, 1), r ->> 'id', r);
    RETURN NULL;
END
$$;

CREATE FUNCTION billing.next_invoice_number() RETURNS bigint LANGUAGE sql AS $$
    SELECT nextval('billing.invoice_number_seq')
$$;

CREATE FUNCTION billing.invoice_subtotal(p_invoice bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(quantity * unit_amount), 0)
    FROM billing.invoice_lines WHERE invoice_id = p_invoice
$$;

CREATE FUNCTION billing.recalculate_invoice(p_invoice bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    s numeric := billing.invoice_subtotal(p_invoice);
BEGIN
    UPDATE billing.invoices SET subtotal = s, total = s WHERE id = p_invoice AND status = 'draft';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'invoice % is not a draft', p_invoice;
    END IF;
END
$$;

CREATE FUNCTION crm.weighted_amount(p_amount numeric, p_probability numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT round(coalesce(p_amount, 0) * coalesce(p_probability, 0) / 100, 2)
$$;

CREATE FUNCTION support.sla_due_at(p_priority support.ticket_priority, p_from timestamptz)
RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN p_from + CASE p_priority
        WHEN 'urgent' THEN interval '1 hour'
        WHEN 'high' THEN interval '4 hours'
        WHEN 'normal' THEN interval '1 day'
        ELSE interval '3 days'
    END;
END
$$;

CREATE FUNCTION support.assign_ticket(p_ticket bigint, p_agent bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE support.tickets SET assignee_id = p_agent, status = 'open'
    WHERE id = p_ticket AND status IN ('new', 'open', 'pending');
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ticket % is closed or does not exist', p_ticket;
    END IF;
END
$$;

CREATE FUNCTION support.set_due_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.due_at := coalesce(NEW.due_at, support.sla_due_at(NEW.priority, NEW.created_at));
    RETURN NEW;
END
$$;

CREATE TRIGGER tickets_set_due_at BEFORE INSERT ON support.tickets
    FOR EACH ROW EXECUTE FUNCTION support.set_due_at();
CREATE TRIGGER organizations_set_updated_at BEFORE UPDATE ON app.organizations
    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON app.users
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER subscriptions_set_updated_at BEFORE UPDATE ON billing.subscriptions
    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER invoices_set_updated_at BEFORE UPDATE ON billing.invoices
    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER deals_set_updated_at BEFORE UPDATE ON crm.deals
    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER tickets_set_updated_at BEFORE UPDATE ON support.tickets
    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER teams_set_updated_at BEFORE UPDATE ON app.teams
    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER companies_set_updated_at BEFORE UPDATE ON crm.companies
    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER organizations_audit AFTER INSERT OR UPDATE OR DELETE ON app.organizations
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TRIGGER memberships_audit AFTER INSERT OR UPDATE OR DELETE ON app.memberships
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TRIGGER api_keys_audit AFTER INSERT OR UPDATE OR DELETE ON app.api_keys
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TRIGGER subscriptions_audit AFTER INSERT OR UPDATE OR DELETE ON billing.subscriptions
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TRIGGER invoices_audit AFTER UPDATE OF status, total ON billing.invoices
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TRIGGER payments_audit AFTER INSERT OR UPDATE OR DELETE ON billing.payments
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TRIGGER deals_audit AFTER UPDATE OF stage ON crm.deals
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();

ALTER TABLE crm.contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.deals ENABLE ROW LEVEL SECURITY;
ALTER TABLE support.tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON crm.contacts USING (organization_id = app.current_org_id());
CREATE POLICY tenant_isolation ON crm.deals USING (organization_id = app.current_org_id());
CREATE POLICY tenant_isolation ON support.tickets USING (organization_id = app.current_org_id());

-- 140 modules of two tables each: a tenant-owned parent and a child that references it.
-- Which optional columns, checks and indexes a table gets follows from its seed.
CREATE TEMPORARY TABLE entity (k int, schema_name text, parent text, child text);
INSERT INTO entity
SELECT (s.n - 1) * 20 + p.n - 1, s.name, split_part(p.pair, ':', 1), split_part(p.pair, ':', 2)
FROM (VALUES
    (1, 'app', ARRAY['projects:project_members', 'workspaces:workspace_settings',
        'folders:folder_shares', 'documents:document_versions', 'templates:template_fields',
        'tags:tag_assignments', 'comments:comment_reactions', 'attachments:attachment_previews',
        'notifications:notification_deliveries', 'reminders:reminder_recipients',
        'saved_filters:saved_filter_rules', 'dashboards:dashboard_widgets',
        'announcements:announcement_reads', 'feature_flags:feature_flag_overrides',
        'custom_fields:custom_field_options', 'labels:label_links', 'checklists:checklist_items',
        'milestones:milestone_dependencies', 'calendars:calendar_events',
        'data_exports:data_export_files']),
    (2, 'billing', ARRAY['coupons:coupon_redemptions', 'discounts:discount_applications',
        'tax_rates:tax_rate_regions', 'price_books:price_book_entries', 'products:product_prices',
        'credit_notes:credit_note_lines', 'refunds:refund_attempts', 'payouts:payout_items',
        'payment_methods:payment_method_events', 'usage_meters:usage_records',
        'quotes:quote_lines', 'contracts:contract_amendments', 'ledger_accounts:ledger_entries',
        'disputes:dispute_evidence', 'dunning_campaigns:dunning_attempts',
        'bank_accounts:bank_account_verifications', 'promotions:promotion_codes',
        'entitlements:entitlement_grants', 'revenue_schedules:revenue_schedule_lines',
        'billing_profiles:billing_profile_contacts']),
    (3, 'crm', ARRAY['leads:lead_scores', 'campaigns:campaign_members', 'segments:segment_rules',
        'pipelines:pipeline_stages', 'opportunities:opportunity_line_items',
        'meetings:meeting_attendees', 'calls:call_recordings', 'email_threads:email_messages',
        'tasks:task_assignees', 'territories:territory_assignments',
        'forecasts:forecast_entries', 'competitors:competitor_mentions',
        'partners:partner_referrals', 'surveys:survey_responses',
        'web_forms:web_form_submissions', 'cadences:cadence_steps', 'playbooks:playbook_plays',
        'contact_lists:contact_list_members', 'notes:note_mentions', 'quotas:quota_periods']),
    (4, 'support', ARRAY['queues:queue_memberships', 'macros:macro_actions',
        'sla_policies:sla_targets', 'knowledge_articles:knowledge_article_revisions',
        'forums:forum_posts', 'topics:topic_subscriptions',
        'satisfaction_surveys:satisfaction_ratings', 'escalations:escalation_steps',
        'canned_responses:canned_response_usages', 'chat_sessions:chat_messages',
        'call_queues:call_logs', 'holiday_calendars:holidays',
        'business_hours:business_hour_intervals', 'agents:agent_skills', 'skills:skill_levels',
        'shifts:shift_assignments', 'routing_rules:routing_conditions',
        'feedback_boards:feedback_votes', 'incidents:incident_updates',
        'status_pages:status_page_components']),
    (5, 'analytics', ARRAY['reports:report_runs', 'metrics:metric_values', 'kpis:kpi_targets',
        'goals:goal_checkins', 'funnels:funnel_steps', 'cohorts:cohort_members',
        'experiments:experiment_variants', 'event_definitions:event_properties',
        'visitor_sessions:page_views', 'charts:chart_series', 'alerts:alert_triggers',
        'scorecards:scorecard_items', 'data_models:data_model_fields', 'queries:query_runs',
        'audiences:audience_members', 'heatmaps:heatmap_points',
        'attribution_models:attribution_touchpoints', 'benchmarks:benchmark_results',
        'annotations:annotation_links', 'schedules:schedule_runs']),
    (6, 'integrations', ARRAY['connectors:connector_versions', 'oauth_apps:oauth_grants',
        'sync_jobs:sync_job_runs', 'field_mappings:field_mapping_rules',
        'webhook_endpoints:webhook_deliveries', 'api_clients:api_client_tokens',
        'imports:import_rows', 'exports:export_files', 'data_sources:data_source_tables',
        'job_schedules:job_schedule_runs', 'transforms:transform_steps',
        'destinations:destination_checks', 'credentials:credential_rotations',
        'rate_limits:rate_limit_hits', 'log_streams:log_stream_filters',
        'slack_workspaces:slack_channels', 'email_domains:email_domain_records',
        'sso_providers:sso_login_events', 'scim_directories:scim_sync_events',
        'marketplace_listings:marketplace_installs']),
    (7, 'inventory', ARRAY['warehouses:warehouse_zones', 'storage_locations:location_capacities',
        'suppliers:supplier_contacts', 'purchase_orders:purchase_order_lines',
        'shipments:shipment_items', 'stock_items:stock_movements', 'skus:sku_barcodes',
        'bundles:bundle_components', 'return_authorizations:return_items',
        'carriers:carrier_services', 'packages:package_contents', 'pick_lists:pick_list_lines',
        'cycle_counts:cycle_count_lines', 'adjustments:adjustment_lines',
        'reservations:reservation_lines', 'lots:lot_inspections',
        'serial_numbers:serial_number_events', 'transfers:transfer_lines',
        'reorder_rules:reorder_suggestions', 'price_lists:price_list_items'])
) AS s (n, name, pairs),
LATERAL unnest(s.pairs) WITH ORDINALITY AS p (pair, n);

-- The column that points at a parent: projects -> project_id, policies -> policy_id.
CREATE FUNCTION pg_temp.fk_column(parent text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN parent LIKE '%ies' THEN left(parent, -3) || 'y' ELSE left(parent, -1) END
           || '_id'
$$;

CREATE FUNCTION pg_temp.id_column(seed int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE seed % 6
        WHEN 3 THEN 'id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY'
        WHEN 4 THEN 'id bigserial PRIMARY KEY'
        WHEN 5 THEN 'id uuid PRIMARY KEY DEFAULT gen_random_uuid()'
        ELSE 'id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY'
    END
$$;

-- Column and table-constraint definitions after the leading ones: 0 to ~14 optional columns,
-- then the timestamps, then the table constraints of the columns chosen.
CREATE FUNCTION pg_temp.table_body(seed int, head text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT array_to_string(head || array_remove(ARRAY[
        CASE WHEN seed % 2 = 0 THEN 'description text' END,
        CASE WHEN seed % 3 = 0 THEN $$status text NOT NULL DEFAULT 'active'
            CHECK (status IN ('draft', 'active', 'archived'))$$ END,
        CASE WHEN seed % 5 = 1 THEN $$state app.record_status NOT NULL DEFAULT 'draft'$$ END,
        CASE WHEN seed % 3 <> 2 THEN
            'owner_id bigint REFERENCES app.users (id) ON DELETE SET NULL' END,
        CASE WHEN seed % 4 = 1 THEN 'amount app.money_amount NOT NULL DEFAULT 0' END,
        CASE WHEN seed % 4 = 1 THEN 'currency app.currency_code NOT NULL' END,
        CASE WHEN seed % 4 = 3 THEN 'unit_price numeric(12,2) CHECK (unit_price >= 0)' END,
        CASE WHEN seed % 5 = 2 THEN
            'quantity integer NOT NULL DEFAULT 0 CHECK (quantity >= 0)' END,
        CASE WHEN seed % 2 = 1 THEN 'is_active boolean NOT NULL DEFAULT true' END,
        CASE WHEN seed % 3 = 1 THEN $$metadata jsonb NOT NULL DEFAULT '{}'$$ END,
        CASE WHEN seed % 4 = 2 THEN $$tags text[] NOT NULL DEFAULT '{}'$$ END,
        CASE WHEN seed % 5 = 0 THEN 'external_ref varchar(64)' END,
        CASE WHEN seed % 6 = 3 THEN 'contact_email app.email' END,
        CASE WHEN seed % 7 = 4 THEN 'starts_on date NOT NULL DEFAULT current_date' END,
        CASE WHEN seed % 7 = 4 THEN 'ends_on date' END,
        CASE WHEN seed % 8 = 5 THEN 'score double precision' END,
        CASE WHEN seed % 6 = 0 THEN
            'priority smallint NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5)' END,
        CASE WHEN seed % 9 = 7 THEN 'source_ip inet' END,
        CASE WHEN seed % 10 = 6 THEN $$retention interval NOT NULL DEFAULT '30 days'$$ END,
        CASE WHEN seed % 5 = 3 THEN 'position integer NOT NULL DEFAULT 0' END,
        CASE WHEN seed % 7 = 0 THEN 'version integer NOT NULL DEFAULT 1' END,
        CASE WHEN seed % 11 = 8 THEN 'checksum bytea' END,
        CASE WHEN seed % 13 = 5 THEN 'valid_during tstzrange' END,
        CASE WHEN seed % 3 = 0 THEN 'deleted_at timestamptz' END,
        'created_at timestamptz NOT NULL DEFAULT now()',
        'updated_at timestamptz NOT NULL DEFAULT now()',
        CASE WHEN seed % 5 = 0 THEN 'UNIQUE (organization_id, external_ref)' END,
        CASE WHEN seed % 7 = 4 THEN 'CHECK (ends_on IS NULL OR ends_on >= starts_on)' END
    ], NULL), ', ')
$f$;

DO $do$
DECLARE
    tenant constant text :=
        'organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE';
    e record;
    id_type text;
    seed int;
BEGIN
    FOR e IN SELECT * FROM entity ORDER BY k LOOP
        EXECUTE format('CREATE TABLE %I.%I (%s)', e.schema_name, e.parent,
            pg_temp.table_body(e.k, ARRAY[pg_temp.id_column(e.k), tenant, 'name text NOT NULL']));
        SELECT format_type(atttypid, atttypmod) INTO id_type FROM pg_attribute
        WHERE attrelid = format('%I.%I', e.schema_name, e.parent)::regclass AND attname = 'id';
        seed := e.k + 71;
        EXECUTE format('CREATE TABLE %I.%I (%s)', e.schema_name, e.child,
            pg_temp.table_body(seed, ARRAY[pg_temp.id_column(seed), tenant,
                format('%I %s NOT NULL REFERENCES %I.%I (id) ON DELETE CASCADE',
                    pg_temp.fk_column(e.parent), id_type, e.schema_name, e.parent),
                $k$kind varchar(32) NOT NULL DEFAULT 'default'$k$]));
        EXECUTE format('CREATE INDEX %I ON %I.%I (%I)', e.child || '_parent_idx', e.schema_name,
            e.child, pg_temp.fk_column(e.parent));
        EXECUTE format('COMMENT ON TABLE %I.%I IS %L', e.schema_name, e.parent,
            initcap(replace(e.parent, '_', ' ')) || ' of a tenant (' || e.schema_name || ').');
        EXECUTE format('COMMENT ON TABLE %I.%I IS %L', e.schema_name, e.child,
            initcap(replace(e.child, '_', ' ')) || ', deleted with their parent.');
        IF e.k % 8 = 0 THEN
            EXECUTE format('CREATE INDEX %I ON %I.%I (organization_id, created_at DESC)',
                e.parent || '_recent_idx', e.schema_name, e.parent);
        END IF;
        IF e.k % 10 = 2 THEN
            EXECUTE format('CREATE UNIQUE INDEX %I ON %I.%I (organization_id, lower(name))',
                e.parent || '_name_key', e.schema_name, e.parent);
        END IF;
    END LOOP;
END
$do$;

-- Indexes that follow from the columns a table got.
DO $do$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.oid::regclass AS rel, c.relname, n.nspname,
               bool_or(a.attname = 'deleted_at') AS soft_delete,
               bool_or(a.attname = 'contact_email') AS email,
               bool_or(a.attname = 'metadata') AS metadata,
               bool_or(a.attname = 'tags') AS tags,
               bool_or(a.attname = 'status') AS status,
               bool_or(a.attname = 'valid_during') AS valid_during,
               row_number() OVER (ORDER BY n.nspname, c.relname) AS i
        FROM entity e
        JOIN pg_namespace n ON n.nspname = e.schema_name
        JOIN pg_class c ON c.relnamespace = n.oid AND c.relname IN (e.parent, e.child)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
        GROUP BY c.oid, c.relname, n.nspname
        ORDER BY n.nspname, c.relname
    LOOP
        IF t.soft_delete AND t.i % 3 = 0 THEN
            EXECUTE format('CREATE INDEX %I ON %s (organization_id) WHERE deleted_at IS NULL',
                t.relname || '_live_idx', t.rel);
        END IF;
        IF t.email AND t.i % 3 = 1 THEN
            EXECUTE format('CREATE INDEX %I ON %s (lower(contact_email::text))',
                t.relname || '_email_idx', t.rel);
        END IF;
        IF t.metadata AND t.i % 5 = 1 THEN
            EXECUTE format('CREATE INDEX %I ON %s USING gin (metadata jsonb_path_ops)',
                t.relname || '_metadata_idx', t.rel);
        END IF;
        IF t.tags AND t.i % 4 = 2 THEN
            EXECUTE format('CREATE INDEX %I ON %s USING gin (tags)', t.relname || '_tags_idx',
                t.rel);
        END IF;
        IF t.status AND t.i % 4 = 0 THEN
            EXECUTE format($i$CREATE INDEX %I ON %s (organization_id, updated_at)
                WHERE status <> 'archived'$i$, t.relname || '_open_idx', t.rel);
        END IF;
        IF t.valid_during THEN
            EXECUTE format('CREATE INDEX %I ON %s USING gist (valid_during)',
                t.relname || '_valid_during_idx', t.rel);
        END IF;
    END LOOP;
END
$do$;

-- Per module schema: views (soft-delete filters, parent/child summaries, a view on those),
-- functions (counts, archiving) and updated_at triggers, on the first parents of its list.
DO $do$
DECLARE
    s text;
    e record;
    summaries text[];
    rank int;
BEGIN
    FOR s IN SELECT DISTINCT schema_name FROM entity ORDER BY 1 LOOP
        summaries := '{}';
        rank := 0;
        FOR e IN SELECT * FROM entity WHERE schema_name = s ORDER BY k LOOP
            rank := rank + 1;
            IF rank <= 2 THEN
                EXECUTE format($v$CREATE VIEW %I.%I AS
                    SELECT p.id, p.organization_id, p.name, count(c.id) AS item_count,
                           max(c.created_at) AS last_activity_at
                    FROM %I.%I p LEFT JOIN %I.%I c ON c.%I = p.id
                    GROUP BY p.id$v$, s, e.parent || '_summary', s, e.parent, s, e.child,
                    pg_temp.fk_column(e.parent));
                summaries := summaries || (e.parent || '_summary');
                EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I.%I
                    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at()',
                    e.parent || '_set_updated_at', s, e.parent);
            END IF;
            IF rank <= 4 THEN
                EXECUTE format($f$CREATE FUNCTION %I.%I(p_org bigint) RETURNS bigint LANGUAGE sql
                    STABLE AS 'SELECT count(*) FROM %I.%I WHERE organization_id = $1'$f$,
                    s, 'count_' || e.parent, s, e.parent);
            END IF;
        END LOOP;
        EXECUTE format($v$CREATE VIEW %I.organization_activity AS
            SELECT organization_id, sum(item_count) AS item_count,
                   max(last_activity_at) AS last_activity_at
            FROM (SELECT organization_id, item_count, last_activity_at FROM %I.%I
                  UNION ALL
                  SELECT organization_id, item_count, last_activity_at FROM %I.%I) AS a
            GROUP BY organization_id$v$, s, s, summaries[1], s, summaries[2]);
        rank := 0;
        FOR e IN
            SELECT entity.*, format_type(a.atttypid, a.atttypmod) AS id_type
            FROM entity
            JOIN pg_attribute a ON a.attrelid = format('%I.%I', schema_name, parent)::regclass
            WHERE schema_name = s AND a.attname = 'id'
              AND EXISTS (SELECT 1 FROM pg_attribute d WHERE d.attname = 'deleted_at'
                          AND d.attrelid = format('%I.%I', schema_name, parent)::regclass)
            ORDER BY k
        LOOP
            rank := rank + 1;
            IF rank <= 2 THEN
                EXECUTE format('CREATE VIEW %I.%I AS SELECT * FROM %I.%I WHERE deleted_at IS NULL',
                    s, 'live_' || e.parent, s, e.parent);
            END IF;
            IF rank <= 3 THEN
                EXECUTE format($f$CREATE FUNCTION %I.%I(p_id %s) RETURNS void
LANGUAGE plpgsql AS $b$
BEGIN
    UPDATE %I.%I SET deleted_at = now() WHERE id = p_id AND deleted_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION '%s %% does not exist or is already archived', p_id;
    END IF;
END
$b$$f$, s, 'archive_' || e.parent, e.id_type, s, e.parent, e.parent);
            END IF;
        END LOOP;
    END LOOP;
END
$do$;

-- Views of the core, and the views on views a dashboard reads.
CREATE VIEW app.active_members AS
SELECT m.organization_id, m.user_id, u.email, u.full_name, m.role, m.joined_at
FROM app.memberships m
JOIN app.users u ON u.id = m.user_id
JOIN app.organizations o ON o.id = m.organization_id
WHERE o.deleted_at IS NULL;

CREATE VIEW billing.open_invoices AS
SELECT i.id, i.organization_id, i.number, i.currency, i.total, i.due_on,
       i.due_on < current_date AS overdue
FROM billing.invoices i
WHERE i.status = 'open';

CREATE VIEW billing.monthly_recurring_revenue AS
SELECT s.organization_id, sum(p.monthly_price * s.quantity) AS mrr
FROM billing.subscriptions s
JOIN billing.plans p ON p.id = s.plan_id
WHERE s.status IN ('active', 'past_due')
GROUP BY s.organization_id;

CREATE VIEW crm.pipeline_by_stage AS
SELECT organization_id, stage, count(*) AS deals, sum(amount) AS amount
FROM crm.deals
WHERE closed_at IS NULL
GROUP BY organization_id, stage;

CREATE VIEW support.open_tickets AS
SELECT id, organization_id, number, status, priority, assignee_id, due_at,
       due_at < now() AS breached
FROM support.tickets
WHERE status NOT IN ('solved', 'closed');

CREATE VIEW app.organization_overview AS
SELECT o.id, o.slug, o.name, o.plan,
       (SELECT count(*) FROM app.active_members m WHERE m.organization_id = o.id) AS members,
       coalesce(r.mrr, 0) AS mrr,
       (SELECT count(*) FROM billing.open_invoices i
        WHERE i.organization_id = o.id AND i.overdue) AS overdue_invoices,
       (SELECT count(*) FROM support.open_tickets t
        WHERE t.organization_id = o.id AND t.breached) AS breached_tickets,
       coalesce(a.item_count, 0) + coalesce(c.item_count, 0) AS project_and_crm_items
FROM app.organizations o
LEFT JOIN billing.monthly_recurring_revenue r ON r.organization_id = o.id
LEFT JOIN app.organization_activity a ON a.organization_id = o.id
LEFT JOIN crm.organization_activity c ON c.organization_id = o.id
WHERE o.deleted_at IS NULL;
COMMENT ON VIEW app.organization_overview IS 'One row per live tenant for the staff dashboard.';

CREATE MATERIALIZED VIEW analytics.daily_signups AS
SELECT date_trunc('day', created_at) AS day, plan, count(*) AS signups
FROM app.organizations
GROUP BY 1, 2;
CREATE UNIQUE INDEX daily_signups_day_plan_idx ON analytics.daily_signups (day, plan);

CREATE MATERIALIZED VIEW analytics.monthly_revenue AS
SELECT date_trunc('month', issued_at) AS month, currency, sum(total) AS revenue
FROM billing.invoices
WHERE status = 'paid'
GROUP BY 1, 2;
CREATE UNIQUE INDEX monthly_revenue_month_currency_idx
    ON analytics.monthly_revenue (month, currency);

\if :release
-- v2: one release. Two enum values, 20 new columns, 5 dropped, 5 retyped, 10 new indexes and
-- one dropped, 3 dropped tables, 5 new ones and a new partition, 5 changed views, 5 changed
-- functions, a few constraints, defaults, triggers, a policy and comments.
ALTER TYPE billing.invoice_status ADD VALUE 'disputed' AFTER 'open';
ALTER TYPE support.ticket_status ADD VALUE 'on_hold' BEFORE 'solved';

ALTER TABLE app.users ADD COLUMN avatar_url text,
    ADD COLUMN mfa_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE app.organizations ADD COLUMN trial_ends_at timestamptz,
    ADD COLUMN seat_limit integer NOT NULL DEFAULT 5 CHECK (seat_limit > 0);
ALTER TABLE app.api_keys ADD COLUMN allowed_ips inet[];
ALTER TABLE billing.subscriptions ADD COLUMN cancel_reason text;
ALTER TABLE billing.invoices ADD COLUMN paid_at timestamptz,
    ADD COLUMN tax_total app.money_amount NOT NULL DEFAULT 0;
ALTER TABLE crm.contacts ADD COLUMN linkedin_url text;
ALTER TABLE crm.deals ADD COLUMN lost_reason text;
ALTER TABLE support.tickets ADD COLUMN first_response_at timestamptz,
    ADD COLUMN sla_policy_id bigint;
-- Who archived a row, on the first eight soft-deleting parents; indexed on the first two.
DO $do$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT format('%I.%I', e.schema_name, e.parent) AS rel, e.parent,
               row_number() OVER (ORDER BY e.k) AS i
        FROM entity e
        WHERE EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attname = 'deleted_at'
                      AND a.attrelid = format('%I.%I', e.schema_name, e.parent)::regclass)
        ORDER BY e.k
        LIMIT 8
    LOOP
        EXECUTE format('ALTER TABLE %s ADD COLUMN archived_by bigint
            REFERENCES app.users (id) ON DELETE SET NULL', t.rel);
        IF t.i <= 2 THEN
            EXECUTE format('CREATE INDEX %I ON %s (archived_by)', t.parent || '_archived_by_idx',
                t.rel);
        END IF;
    END LOOP;
END
$do$;

ALTER TABLE app.organizations DROP COLUMN old_plan_code;
ALTER TABLE app.users DROP COLUMN legacy_password_md5;
ALTER TABLE billing.invoices DROP COLUMN pdf_url;
ALTER TABLE crm.contacts DROP COLUMN fax;
ALTER TABLE support.tickets DROP COLUMN legacy_ref;

ALTER TABLE app.users ALTER COLUMN locale TYPE varchar(35);
ALTER TABLE app.api_keys ALTER COLUMN prefix TYPE varchar(16);
ALTER TABLE billing.invoice_lines ALTER COLUMN quantity TYPE numeric(12,3);
ALTER TABLE crm.deals ALTER COLUMN probability TYPE numeric(5,2);
ALTER TABLE support.tickets ALTER COLUMN subject TYPE text;

ALTER TABLE support.tickets ADD CONSTRAINT tickets_sla_policy_id_fkey
    FOREIGN KEY (sla_policy_id) REFERENCES support.sla_policies (id) ON DELETE SET NULL;
ALTER TABLE crm.companies ADD CONSTRAINT companies_domain_lower_check
    CHECK (domain = lower(domain));
ALTER TABLE billing.payments ALTER COLUMN method SET NOT NULL;
ALTER TABLE billing.subscriptions ALTER COLUMN quantity SET DEFAULT 3;
ALTER TABLE app.sessions ALTER COLUMN expires_at SET DEFAULT now() + interval '14 days';

CREATE INDEX users_last_login_at_idx ON app.users (last_login_at DESC)
    WHERE last_login_at IS NOT NULL;
CREATE INDEX invoices_paid_at_idx ON billing.invoices (organization_id, paid_at)
    WHERE paid_at IS NOT NULL;
CREATE INDEX tickets_sla_policy_id_idx ON support.tickets (sla_policy_id);
CREATE INDEX deals_expected_close_idx ON crm.deals (organization_id, expected_close_on)
    WHERE closed_at IS NULL;
CREATE INDEX contacts_linkedin_url_idx ON crm.contacts (linkedin_url)
    WHERE linkedin_url IS NOT NULL;
CREATE INDEX subscriptions_period_end_idx ON billing.subscriptions (current_period_end);
CREATE INDEX api_keys_expires_at_idx ON app.api_keys (expires_at) WHERE revoked_at IS NULL;
DROP INDEX support.tickets_due_at_idx;
CREATE INDEX tickets_due_open_idx ON support.tickets (due_at)
    WHERE status NOT IN ('solved', 'closed');

DROP TABLE app.announcement_reads;
DROP TABLE analytics.heatmap_points;
DROP TABLE integrations.rate_limit_hits;

CREATE TABLE app.user_mfa_factors (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('totp', 'webauthn', 'sms')),
    secret bytea NOT NULL,
    label text,
    last_used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_mfa_factors_user_id_idx ON app.user_mfa_factors (user_id);

CREATE TABLE billing.tax_exemptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    country app.country_code NOT NULL,
    certificate_ref varchar(64) NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, country),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE TRIGGER tax_exemptions_set_updated_at BEFORE UPDATE ON billing.tax_exemptions
    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();

CREATE TABLE crm.deal_line_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deal_id bigint NOT NULL REFERENCES crm.deals (id) ON DELETE CASCADE,
    plan_id integer NOT NULL REFERENCES billing.plans (id),
    quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
    discount app.percentage NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deal_line_items_deal_id_idx ON crm.deal_line_items (deal_id);
CREATE INDEX deal_line_items_plan_id_idx ON crm.deal_line_items (plan_id);

CREATE TABLE support.ticket_tags (
    ticket_id bigint NOT NULL REFERENCES support.tickets (id) ON DELETE CASCADE,
    tag text NOT NULL CHECK (tag = lower(tag)),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX ticket_tags_tag_idx ON support.ticket_tags (tag);

CREATE TABLE analytics.saved_queries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id bigint NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    owner_id bigint REFERENCES app.users (id) ON DELETE SET NULL,
    title text NOT NULL,
    sql_text text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '[]',
    is_shared boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_queries_organization_id_idx ON analytics.saved_queries (organization_id)
    WHERE is_shared;
ALTER TABLE analytics.saved_queries ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics.saved_queries
    USING (organization_id = app.current_org_id());
COMMENT ON TABLE analytics.saved_queries IS 'SQL a user saved in the query editor.';

CREATE OR REPLACE VIEW app.active_members AS
SELECT m.organization_id, m.user_id, u.email, u.full_name, m.role, m.joined_at, u.mfa_enabled
FROM app.memberships m
JOIN app.users u ON u.id = m.user_id
JOIN app.organizations o ON o.id = m.organization_id
WHERE o.deleted_at IS NULL;

CREATE OR REPLACE VIEW billing.open_invoices AS
SELECT i.id, i.organization_id, i.number, i.currency, i.total, i.due_on,
       i.due_on < current_date AS overdue, i.tax_total
FROM billing.invoices i
WHERE i.status IN ('open', 'disputed');

CREATE OR REPLACE VIEW crm.pipeline_by_stage AS
SELECT organization_id, stage, count(*) AS deals, sum(amount) AS amount,
       sum(crm.weighted_amount(amount, probability)) AS weighted_amount
FROM crm.deals
WHERE closed_at IS NULL
GROUP BY organization_id, stage;

CREATE OR REPLACE VIEW support.open_tickets AS
SELECT id, organization_id, number, status, priority, assignee_id, due_at,
       due_at < now() AND first_response_at IS NULL AS breached
FROM support.tickets
WHERE status NOT IN ('on_hold', 'solved', 'closed');

CREATE OR REPLACE VIEW billing.monthly_recurring_revenue AS
SELECT s.organization_id, sum(p.monthly_price * s.quantity) AS mrr
FROM billing.subscriptions s
JOIN billing.plans p ON p.id = s.plan_id
WHERE s.status IN ('active', 'past_due') AND s.cancel_at IS NULL
GROUP BY s.organization_id;

CREATE OR REPLACE FUNCTION app.slugify(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT trim(BOTH '-' FROM lower(regexp_replace(p_text, '[^A-Za-z0-9]+', '-', 'g')))
$$;

CREATE OR REPLACE FUNCTION app.is_member(p_org bigint, p_user bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM app.memberships
                   WHERE organization_id = p_org AND user_id = p_user AND role <> 'guest')
$$;

CREATE OR REPLACE FUNCTION billing.invoice_subtotal(p_invoice bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT round(coalesce(sum(quantity * unit_amount), 0), 2)
    FROM billing.invoice_lines WHERE invoice_id = p_invoice
$$;

CREATE OR REPLACE FUNCTION support.sla_due_at(p_priority support.ticket_priority,
                                              p_from timestamptz)
RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN p_from + CASE p_priority
        WHEN 'urgent' THEN interval '30 minutes'
        WHEN 'high' THEN interval '2 hours'
        WHEN 'normal' THEN interval '8 hours'
        ELSE interval '2 days'
    END;
END
$$;

CREATE OR REPLACE FUNCTION audit.record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    INSERT INTO audit.events (organization_id, actor_id, table_name, action, row_id, changes)
    VALUES ((r ->> 'organization_id')::bigint,
            nullif(current_setting('app.user_id', true), '')::bigint,
            TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, left(TG_OP, 1), r ->> 'id',
            CASE WHEN TG_OP = 'UPDATE' THEN r - 'updated_at' ELSE r END);
    RETURN NULL;
END
$$;

CREATE TRIGGER contacts_set_updated_at BEFORE UPDATE ON crm.contacts
    FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER users_audit AFTER UPDATE OF email, is_staff ON app.users
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TABLE audit.events_2026_q1 PARTITION OF audit.events
    FOR VALUES FROM ('2026-01-01') TO ('2026-04-01');
COMMENT ON TABLE app.organizations IS 'A tenant: every other row belongs to one (soft-deleted).';
COMMENT ON COLUMN app.users.mfa_enabled IS 'Set once the user has a verified MFA factor.';
\endif
