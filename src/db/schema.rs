// @generated automatically by Diesel CLI.

diesel::table! {
    api_keys (id) {
        id -> Text,
        user_id -> Text,
        name -> Text,
        secret_hash -> Text,
        created_at -> BigInt,
        expires_at -> BigInt,
        revoked_at -> Nullable<BigInt>,
        last_used_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        partner_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        actor -> Text,
        customer_id -> Nullable<Text>,
        operation -> Text,
        resource_type -> Text,
        resource_id -> Nullable<Text>,
        old_value -> Nullable<Text>,
        new_value -> Nullable<Text>,
        status -> Text,
        at -> BigInt,
        request_id -> Text,
        correlation_id -> Nullable<Text>,
        resource_name -> Nullable<Text>,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    customer_admin_recovery_codes (id) {
        id -> Text,
        admin_id -> Text,
        code_hash -> Text,
        created_at -> BigInt,
        used_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    customer_admins (id) {
        id -> Text,
        customer_id -> Text,
        email -> Text,
        display_name -> Text,
        password_hash -> Text,
        active -> Bool,
        failed_logins -> Integer,
        locked_until -> Nullable<BigInt>,
        created_at -> BigInt,
        locale -> Nullable<Text>,
        password_must_change -> Bool,
        password_expires_at -> Nullable<BigInt>,
        totp_secret -> Nullable<Text>,
        totp_confirmed_at -> Nullable<BigInt>,
        totp_last_step -> Nullable<BigInt>,
        sessions_since -> Nullable<BigInt>,
    }
}

diesel::table! {
    customers (id) {
        id -> Text,
        company_name -> Text,
        primary_domain -> Text,
        tenant_id -> Text,
        country -> Text,
        created_at -> BigInt,
    }
}

diesel::table! {
    gdap_access_assignment_roles (assignment_id, role_definition_id) {
        assignment_id -> Text,
        role_definition_id -> Text,
    }
}

diesel::table! {
    gdap_access_assignments (id) {
        id -> Text,
        relationship_id -> Text,
        group_id -> Text,
        status -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    gdap_relationship_roles (relationship_id, role_definition_id) {
        relationship_id -> Text,
        role_definition_id -> Text,
    }
}

diesel::table! {
    gdap_relationships (id) {
        id -> Text,
        partner_id -> Text,
        customer_id -> Text,
        display_name -> Text,
        duration_days -> Integer,
        auto_extend_days -> Integer,
        status -> Text,
        created_by -> Nullable<Text>,
        created_at -> BigInt,
        updated_at -> BigInt,
        activated_at -> Nullable<BigInt>,
        end_at -> Nullable<BigInt>,
        ended_at -> Nullable<BigInt>,
        ended_by -> Nullable<Text>,
    }
}

diesel::table! {
    jobs (id) {
        id -> Text,
        kind -> Text,
        partner_id -> Text,
        subject -> Text,
        run_at -> BigInt,
        created_by -> Nullable<Text>,
        created_at -> BigInt,
        claimed_until -> Nullable<BigInt>,
        claimed_by -> Nullable<Text>,
        attempts -> Integer,
        finished_at -> Nullable<BigInt>,
        finished_by -> Nullable<Text>,
        outcome -> Nullable<Text>,
        result -> Nullable<Text>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    offers (id) {
        id -> Text,
        name -> Text,
        commerce_type -> Text,
        parent_offer_id -> Nullable<Text>,
        sort_order -> Integer,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        locale -> Text,
        created_at -> BigInt,
        sent_at -> Nullable<BigInt>,
        attempts -> Integer,
        last_error -> Nullable<Text>,
        claimed_until -> Nullable<BigInt>,
    }
}

diesel::table! {
    partner_domains (domain) {
        domain -> Text,
        partner_id -> Text,
        created_at -> BigInt,
    }
}

diesel::table! {
    partners (id) {
        id -> Text,
        name -> Text,
        kind -> Text,
        created_at -> BigInt,
        removal_needs_second_approval -> Bool,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> Text,
        user_id -> Text,
        code_hash -> Text,
        created_at -> BigInt,
        used_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    relationship_requests (id) {
        id -> Text,
        partner_id -> Text,
        token_hash -> Text,
        with_dap -> Bool,
        status -> Text,
        created_by -> Text,
        created_at -> BigInt,
        expires_at -> BigInt,
        customer_id -> Nullable<Text>,
        accepted_at -> Nullable<BigInt>,
        revoked_at -> Nullable<BigInt>,
        invited_customer_id -> Nullable<Text>,
        recipient_name -> Nullable<Text>,
        recipient_email -> Nullable<Text>,
    }
}

diesel::table! {
    relationships (id) {
        id -> Text,
        partner_id -> Text,
        customer_id -> Text,
        relationship_to_partner -> Text,
        allow_delegated_access -> Bool,
        started_at -> BigInt,
        ended_at -> Nullable<BigInt>,
        ended_by -> Nullable<Text>,
        sort_name -> Text,
        search_domain -> Text,
        name_domain_lcp -> Integer,
        active_subscriptions -> BigInt,
        company_name -> Text,
        primary_domain -> Text,
        tenant_id -> Text,
        blocking_subscriptions -> BigInt,
        active_reservations -> BigInt,
        active_software -> BigInt,
        active_savings_plans -> BigInt,
        active_gdap -> BigInt,
    }
}

diesel::table! {
    removal_approvals (id) {
        id -> Text,
        partner_id -> Text,
        customer_id -> Text,
        relationship_id -> Text,
        requested_by -> Text,
        requested_at -> BigInt,
        expires_at -> BigInt,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<BigInt>,
        outcome -> Text,
        reason -> Nullable<Text>,
        terminate_gdap -> Bool,
    }
}

diesel::table! {
    removal_receipts (id) {
        id -> Text,
        partner_id -> Text,
        customer_id -> Text,
        removed_by -> Text,
        removed_at -> BigInt,
        evidence -> Text,
    }
}

diesel::table! {
    reseller_links (provider_id, reseller_id) {
        provider_id -> Text,
        reseller_id -> Text,
    }
}

diesel::table! {
    reservations (id) {
        id -> Text,
        partner_id -> Text,
        customer_id -> Text,
        name -> Text,
        sku -> Text,
        region -> Text,
        term -> Text,
        quantity -> Integer,
        status -> Text,
        created_at -> BigInt,
        cancelled_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    savings_plans (id) {
        id -> Text,
        partner_id -> Text,
        customer_id -> Text,
        name -> Text,
        commitment_cents -> BigInt,
        currency -> Text,
        term -> Text,
        billing -> Text,
        status -> Text,
        created_at -> BigInt,
        cancelled_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    security_group_members (group_id, user_id) {
        group_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    security_groups (id) {
        id -> Text,
        partner_id -> Text,
        name -> Text,
        created_at -> BigInt,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Nullable<Text>,
        state -> Text,
        created_at -> BigInt,
        expires_at -> BigInt,
    }
}

diesel::table! {
    signing_keys (purpose) {
        purpose -> Text,
        key_id -> Text,
        private_key -> Text,
        public_key -> Text,
        created_at -> BigInt,
    }
}

diesel::table! {
    software_purchases (id) {
        id -> Text,
        partner_id -> Text,
        customer_id -> Text,
        product -> Text,
        order_id -> Text,
        quantity -> Integer,
        status -> Text,
        created_at -> BigInt,
        cancelled_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    subscriptions (id) {
        id -> Text,
        partner_id -> Text,
        customer_id -> Text,
        offer_id -> Text,
        offer_name -> Text,
        quantity -> Integer,
        term -> Text,
        billing_cycle -> Text,
        status -> Text,
        commerce_type -> Text,
        parent_id -> Nullable<Text>,
        created_at -> BigInt,
        updated_at -> BigInt,
        suspended_at -> Nullable<BigInt>,
        commitment_end_at -> BigInt,
        auto_renew -> Bool,
        cancel_window_end_at -> BigInt,
    }
}

diesel::table! {
    support_contacts (id) {
        id -> Text,
        partner_id -> Text,
        customer_id -> Text,
        subscription_id -> Text,
        contact_user_id -> Nullable<Text>,
        created_at -> BigInt,
        contact_partner_id -> Nullable<Text>,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> Text,
        role -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        partner_id -> Text,
        email -> Text,
        display_name -> Text,
        password_hash -> Text,
        active -> Bool,
        failed_logins -> Integer,
        locked_until -> Nullable<BigInt>,
        created_at -> BigInt,
        locale -> Nullable<Text>,
        password_must_change -> Bool,
        password_expires_at -> Nullable<BigInt>,
        totp_secret -> Nullable<Text>,
        totp_confirmed_at -> Nullable<BigInt>,
        totp_last_step -> Nullable<BigInt>,
    }
}

diesel::joinable!(api_keys -> users (user_id));
diesel::joinable!(audit_log -> customers (customer_id));
diesel::joinable!(audit_log -> partners (partner_id));
diesel::joinable!(audit_log -> users (user_id));
diesel::joinable!(customer_admin_recovery_codes -> customer_admins (admin_id));
diesel::joinable!(customer_admins -> customers (customer_id));
diesel::joinable!(gdap_access_assignment_roles -> gdap_access_assignments (assignment_id));
diesel::joinable!(gdap_access_assignments -> gdap_relationships (relationship_id));
diesel::joinable!(gdap_access_assignments -> security_groups (group_id));
diesel::joinable!(gdap_relationship_roles -> gdap_relationships (relationship_id));
diesel::joinable!(gdap_relationships -> customers (customer_id));
diesel::joinable!(gdap_relationships -> partners (partner_id));
diesel::joinable!(gdap_relationships -> users (created_by));
diesel::joinable!(jobs -> partners (partner_id));
diesel::joinable!(partner_domains -> partners (partner_id));
diesel::joinable!(recovery_codes -> users (user_id));
diesel::joinable!(relationship_requests -> partners (partner_id));
diesel::joinable!(relationship_requests -> users (created_by));
diesel::joinable!(relationships -> customers (customer_id));
diesel::joinable!(relationships -> partners (partner_id));
diesel::joinable!(relationships -> users (ended_by));
diesel::joinable!(removal_approvals -> customers (customer_id));
diesel::joinable!(removal_approvals -> partners (partner_id));
diesel::joinable!(removal_receipts -> customers (customer_id));
diesel::joinable!(removal_receipts -> partners (partner_id));
diesel::joinable!(removal_receipts -> users (removed_by));
diesel::joinable!(reservations -> customers (customer_id));
diesel::joinable!(reservations -> partners (partner_id));
diesel::joinable!(savings_plans -> customers (customer_id));
diesel::joinable!(savings_plans -> partners (partner_id));
diesel::joinable!(security_group_members -> security_groups (group_id));
diesel::joinable!(security_group_members -> users (user_id));
diesel::joinable!(security_groups -> partners (partner_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(software_purchases -> customers (customer_id));
diesel::joinable!(software_purchases -> partners (partner_id));
diesel::joinable!(subscriptions -> customers (customer_id));
diesel::joinable!(subscriptions -> offers (offer_id));
diesel::joinable!(subscriptions -> partners (partner_id));
diesel::joinable!(support_contacts -> customers (customer_id));
diesel::joinable!(support_contacts -> subscriptions (subscription_id));
diesel::joinable!(support_contacts -> users (contact_user_id));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(users -> partners (partner_id));

diesel::allow_tables_to_appear_in_same_query!(
    api_keys,
    audit_log,
    customer_admin_recovery_codes,
    customer_admins,
    customers,
    gdap_access_assignment_roles,
    gdap_access_assignments,
    gdap_relationship_roles,
    gdap_relationships,
    jobs,
    offers,
    outbox,
    partner_domains,
    partners,
    recovery_codes,
    relationship_requests,
    relationships,
    removal_approvals,
    removal_receipts,
    reseller_links,
    reservations,
    savings_plans,
    security_group_members,
    security_groups,
    sessions,
    signing_keys,
    software_purchases,
    subscriptions,
    support_contacts,
    user_roles,
    users,
);
