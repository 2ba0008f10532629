//! Every route × every kind of user × own and another partner's resource, with the expected
//! answer. Deny by default: a route the table does not list fails the test, and every refused
//! request must leave the database as it was.

mod common;

use common::world::*;
use common::*;
use partnerdesk::models::partner::Partner;
use partnerdesk::models::role::Role;

/// Who asks.
const ACTORS: [Option<&str>; 8] = [
    None, // anonymous
    Some(GLOBAL_ADMIN),
    Some(ADMIN_AGENT),
    Some(SALES_AGENT),
    Some(HELPDESK_AGENT),
    Some(BILLING_ADMIN),
    Some(USER_MANAGEMENT_ADMIN),
    Some(OTHER_ADMIN), // Global admin of partner Beta
];

/// Expected answers, one per actor: a status code, `S` (303 to sign-in) or `R` (303 elsewhere).
type Expect = [&'static str; 8];

struct Row {
    method: &'static str,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    /// On partner Alpha's resources.
    own: Expect,
    /// On partner Beta's resources (the same answers as `own` where the route has none).
    other: Expect,
}

const ALL_200: Expect = ["200"; 8];
const ALL_R: Expect = ["R"; 8];
const SIGNED_IN_200: Expect = ["S", "200", "200", "200", "200", "200", "200", "200"];
const VIEW_OWN: Expect = ["S", "200", "200", "200", "200", "200", "403", "404"];
const VIEW_OTHER: Expect = ["S", "404", "404", "404", "404", "404", "403", "200"];
const MANAGE_OWN: Expect = ["S", "R", "R", "R", "403", "403", "403", "404"];
const MANAGE_OTHER: Expect = ["S", "404", "404", "404", "403", "403", "403", "R"];
/// The question before an irreversible change, for those who may make it.
const ASK_OWN: Expect = ["S", "200", "200", "200", "403", "403", "403", "404"];
const ASK_OTHER: Expect = ["S", "404", "404", "404", "403", "403", "403", "200"];
/// The answer to that question, which irreversible changes need.
const YES: &[(&str, &str)] = &[("confirmed", "yes")];

/// Users and roles: Global admins and User management admins of the user's own partner.
const USERS_ALL: Expect = ["S", "200", "403", "403", "403", "403", "200", "200"];
const USER_VIEW_OWN: Expect = ["S", "200", "403", "403", "403", "403", "200", "404"];
const USER_VIEW_OTHER: Expect = ["S", "404", "403", "403", "403", "403", "404", "200"];
const USER_CHANGE_OWN: Expect = ["S", "R", "403", "403", "403", "403", "R", "404"];
const USER_CHANGE_OTHER: Expect = ["S", "404", "403", "403", "403", "403", "404", "R"];
/// Roles that give access to customers: granted and removed by a Global admin only.
const CUSTOMER_ROLES_OWN: Expect = ["S", "R", "403", "403", "403", "403", "403", "404"];
const CUSTOMER_ROLES_OTHER: Expect = ["S", "404", "403", "403", "403", "403", "404", "R"];
/// A user of partner Alpha with a role that gives access to customers: Alpha's Global admin
/// adds them; a User management admin may not grant the role, Beta's admin not the address.
const ADD_ALPHA_SALES: Expect = ["S", "200", "403", "403", "403", "403", "403", "422"];

/// GDAP access assignments: Global admins and Admin agents of the customer's partner.
const GDAP_OWN: Expect = ["S", "R", "R", "403", "403", "403", "403", "404"];
const GDAP_OTHER: Expect = ["S", "404", "404", "403", "403", "403", "403", "R"];

/// GDAP: Global admins and Admin agents of the relationship's partner.
const GDAP_ASK_OWN: Expect = ["S", "200", "200", "403", "403", "403", "403", "404"];
const GDAP_ASK_OTHER: Expect = ["S", "404", "404", "403", "403", "403", "403", "200"];
const GDAP_ASK_ALL: Expect = ["S", "200", "200", "403", "403", "403", "403", "200"];
const GDAP_NEW: &[(&str, &str)] = &[
    ("customer", "{id}"),
    ("display_name", "Matrix"),
    ("duration_days", "30"),
    ("role", "f2ef992c-3afb-46b9-b7cf-a126ee74c451"),
];
/// A new customer's invitation accepted with its first admin.
const NEW_CUSTOMER: &[(&str, &str)] = &[
    ("primary_domain", "newco.onmicrosoft.com"),
    ("company_name", "New Co"),
    ("country", "PL"),
    ("admin_name", "New Admin"),
    ("admin_email", "it@newco.example"),
    ("admin_password", "a quiet harbour at dawn"),
    ("admin_password_confirm", "a quiet harbour at dawn"),
];
/// Customer admins' pages: partner users and anonymous visitors are sent to the tenant door.
const TENANT_ONLY: Expect = ["T"; 8];

const BUY: &[(&str, &str)] = &[("offer_id", "m365-bp"), ("quantity", "2"), ("term", "P1M")];

const TABLE: &[Row] = &[
    Row { method: "GET", path: "/healthz", form: &[], own: ALL_200, other: ALL_200 },
    Row { method: "GET", path: "/readyz", form: &[], own: ALL_200, other: ALL_200 },
    Row { method: "GET", path: "/static/{path:.*}", form: &[], own: ALL_200, other: ALL_200 },
    Row { method: "GET", path: "/", form: &[], own: ALL_R, other: ALL_R },
    Row {
        method: "GET",
        path: "/signin",
        form: &[],
        own: ["200", "R", "R", "R", "R", "R", "R", "R"],
        other: ["200", "R", "R", "R", "R", "R", "R", "R"],
    },
    // Without the sign-in form's own token: refused for everyone.
    Row {
        method: "POST",
        path: "/signin",
        form: &[("email", "admin@alpha.test"), ("password", "guess")],
        own: ["403"; 8],
        other: ["403"; 8],
    },
    // The steps after the password answer only a session that is between them (see tests/auth.rs):
    // anyone else starts at the sign-in page.
    Row { method: "GET", path: "/signin/password", form: &[], own: ["S"; 8], other: ["S"; 8] },
    Row {
        method: "POST",
        path: "/signin/password",
        form: &[("new_password", "a b c d e f g h"), ("confirm_password", "a b c d e f g h")],
        own: ["S"; 8],
        other: ["S"; 8],
    },
    Row { method: "GET", path: "/signin/enrol", form: &[], own: ["S"; 8], other: ["S"; 8] },
    Row {
        method: "POST",
        path: "/signin/enrol",
        form: &[("code", "123456")],
        own: ["S"; 8],
        other: ["S"; 8],
    },
    Row { method: "GET", path: "/signin/code", form: &[], own: ["S"; 8], other: ["S"; 8] },
    Row {
        method: "POST",
        path: "/signin/code",
        form: &[("code", "123456")],
        own: ["S"; 8],
        other: ["S"; 8],
    },
    Row { method: "POST", path: "/signout", form: &[], own: ["S"; 8], other: ["S"; 8] },
    // The header's language switcher: every signed-in user, for themselves.
    Row {
        method: "POST",
        path: "/locale",
        form: &[("locale", "pl-PL"), ("back", "/customers")],
        own: ["S", "R", "R", "R", "R", "R", "R", "R"],
        other: ["S", "R", "R", "R", "R", "R", "R", "R"],
    },
    Row {
        method: "GET",
        path: "/customers",
        form: &[],
        own: ["S", "200", "200", "200", "200", "200", "403", "200"],
        other: ["S", "200", "200", "200", "200", "200", "403", "200"],
    },
    Row { method: "GET", path: "/customers/{id}", form: &[], own: ALL_R, other: ALL_R },
    Row {
        method: "GET",
        path: "/customers/{id}/subscriptions",
        form: &[],
        own: VIEW_OWN,
        other: VIEW_OTHER,
    },
    Row {
        method: "POST",
        path: "/customers/{id}/subscriptions",
        form: BUY,
        own: MANAGE_OWN,
        other: MANAGE_OTHER,
    },
    Row {
        method: "GET",
        path: "/customers/{id}/subscriptions/{sid}",
        form: &[],
        own: VIEW_OWN,
        other: VIEW_OTHER,
    },
    Row {
        method: "POST",
        path: "/customers/{id}/subscriptions/{sid}/status",
        form: &[("status", "suspended")],
        own: MANAGE_OWN,
        other: MANAGE_OTHER,
    },
    Row {
        method: "GET",
        path: "/customers/{id}/reservations/{rid}/cancel",
        form: &[],
        own: ASK_OWN,
        other: ASK_OTHER,
    },
    Row {
        method: "POST",
        path: "/customers/{id}/reservations/{rid}/cancel",
        form: YES,
        own: MANAGE_OWN,
        other: MANAGE_OTHER,
    },
    Row {
        method: "GET",
        path: "/customers/{id}/savings-plans/{spid}/cancel",
        form: &[],
        own: ASK_OWN,
        other: ASK_OTHER,
    },
    Row {
        method: "POST",
        path: "/customers/{id}/savings-plans/{spid}/cancel",
        form: YES,
        own: MANAGE_OWN,
        other: MANAGE_OTHER,
    },
    Row {
        method: "GET",
        path: "/customers/{id}/software/{pid}/cancel",
        form: &[],
        own: ASK_OWN,
        other: ASK_OTHER,
    },
    Row {
        method: "POST",
        path: "/customers/{id}/software/{pid}/cancel",
        form: YES,
        own: MANAGE_OWN,
        other: MANAGE_OTHER,
    },
    Row {
        method: "GET",
        path: "/customers/{id}/account",
        form: &[],
        own: VIEW_OWN,
        other: VIEW_OTHER,
    },
    Row {
        method: "GET",
        path: "/customers/{id}/remove-relationship",
        form: &[],
        // Only those who can confirm it see the confirmation; the rest learn who can.
        own: ["S", "200", "403", "403", "403", "403", "403", "404"],
        other: VIEW_OTHER,
    },
    Row {
        method: "POST",
        path: "/customers/{id}/remove-relationship",
        form: &[],
        own: ["S", "R", "403", "403", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "404", "404", "404", "R"],
    },
    // A removal's receipt: read by whoever may see customers.
    // Scheduled removal: who may remove the relationship may schedule it and cancel a schedule.
    Row {
        method: "POST",
        path: "/customers/{id}/removal-schedule",
        form: &[("date", "{today}")],
        own: ["S", "R", "403", "403", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "404", "404", "404", "R"],
    },
    Row {
        method: "GET",
        path: "/customers/{id}/removal-schedule/cancel",
        form: &[],
        own: ["S", "200", "403", "403", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "404", "404", "404", "200"],
    },
    Row {
        method: "POST",
        path: "/customers/{id}/removal-schedule/cancel",
        form: YES,
        own: ["S", "R", "403", "403", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "404", "404", "404", "R"],
    },
    // Second-person approval: nothing waits for the table's customer, so a Global admin is
    // told so (409); tests/approval.rs has the rest.
    Row {
        method: "GET",
        path: "/customers/{id}/removal-approval/approve",
        form: &[],
        own: ["S", "409", "403", "403", "403", "403", "403", "404"],
        other: ["S", "404", "403", "403", "403", "403", "403", "409"],
    },
    Row {
        method: "POST",
        path: "/customers/{id}/removal-approval/approve",
        form: YES,
        own: ["S", "409", "403", "403", "403", "403", "403", "404"],
        other: ["S", "404", "403", "403", "403", "403", "403", "409"],
    },
    Row {
        method: "POST",
        path: "/customers/{id}/removal-approval/reject",
        form: &[("reason", "Not yet")],
        own: ["S", "409", "403", "403", "403", "403", "403", "404"],
        other: ["S", "404", "403", "403", "403", "403", "403", "409"],
    },
    // The partner's settings: its Global admins, each for their own partner.
    Row {
        method: "POST",
        path: "/partner-settings",
        form: &[("second_approval", "on")],
        own: ["S", "R", "403", "403", "403", "403", "403", "R"],
        other: ["S", "R", "403", "403", "403", "403", "403", "R"],
    },
    Row {
        method: "GET",
        path: "/customers/{id}/receipts/{receipt}",
        form: &[],
        own: VIEW_OWN,
        other: VIEW_OTHER,
    },
    Row {
        method: "GET",
        path: "/customers/{id}/receipts/{receipt}/evidence",
        form: &[],
        own: VIEW_OWN,
        other: VIEW_OTHER,
    },
    Row {
        method: "GET",
        path: "/password",
        form: &[],
        own: ["S", "200", "200", "200", "200", "200", "200", "200"],
        other: ["S", "200", "200", "200", "200", "200", "200", "200"],
    },
    // API keys: every signed-in user makes and revokes their own (another's is not found).
    Row { method: "GET", path: "/api-keys", form: &[], own: SIGNED_IN_200, other: SIGNED_IN_200 },
    Row {
        method: "POST",
        path: "/api-keys",
        form: &[("name", "Matrix"), ("days", "7")],
        own: SIGNED_IN_200,
        other: SIGNED_IN_200,
    },
    Row {
        method: "POST",
        path: "/api-keys/{kid}/revoke",
        form: &[],
        own: ["S", "404", "404", "404", "404", "404", "404", "404"],
        other: ["S", "404", "404", "404", "404", "404", "404", "404"],
    },
    Row {
        method: "POST",
        path: "/password",
        form: &[("current_password", "wrong"), ("new_password", "x"), ("confirm_password", "y")],
        own: ["S", "422", "422", "422", "422", "422", "422", "422"],
        other: ["S", "422", "422", "422", "422", "422", "422", "422"],
    },
    Row {
        method: "GET",
        path: "/relationship-requests",
        form: &[],
        own: ["S", "200", "200", "200", "403", "403", "403", "200"],
        other: ["S", "200", "200", "200", "403", "403", "403", "200"],
    },
    Row {
        method: "POST",
        path: "/relationship-requests",
        form: &[
            ("delegated_admin", "on"),
            ("recipient_name", "New Co"),
            ("recipient_email", "admin@newco.example"),
        ],
        own: ["S", "200", "200", "200", "403", "403", "403", "200"],
        other: ["S", "200", "200", "200", "403", "403", "403", "200"],
    },
    // An invitation naming a former customer: the side's partner only. The link is in the answer.
    Row {
        method: "POST",
        path: "/relationship-requests",
        form: &[("customer", "{former}"), ("recipient_email", "admin@former.example")],
        own: ["S", "200", "200", "200", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "403", "403", "403", "200"],
    },
    Row {
        method: "POST",
        path: "/relationship-requests/{rqid}/revoke",
        form: &[],
        own: MANAGE_OWN,
        other: MANAGE_OTHER,
    },
    Row {
        method: "POST",
        path: "/relationship-requests/{rqid}/extend",
        form: &[],
        own: MANAGE_OWN,
        other: MANAGE_OTHER,
    },
    // The new link is in the answer, shown once.
    Row {
        method: "POST",
        path: "/relationship-requests/{rqid}/resend",
        form: &[],
        own: ["S", "200", "200", "200", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "403", "403", "403", "200"],
    },
    // Public: the link's token is the credential.
    Row { method: "GET", path: "/invitations/{token}", form: &[], own: ALL_200, other: ALL_200 },
    Row {
        method: "POST",
        path: "/invitations/{token}",
        form: NEW_CUSTOMER,
        own: ALL_200,
        other: ALL_200,
    },
    Row {
        method: "GET",
        path: "/customers/{id}/delegated-admin/remove",
        form: &[],
        own: ["S", "200", "200", "403", "403", "403", "403", "404"],
        other: ["S", "404", "404", "403", "403", "403", "403", "200"],
    },
    Row {
        method: "POST",
        path: "/customers/{id}/delegated-admin/remove",
        form: YES,
        own: ["S", "R", "R", "403", "403", "403", "403", "404"],
        other: ["S", "404", "404", "403", "403", "403", "403", "R"],
    },
    // For those who may see the customer but not remove the relationship: a Global admin
    // removes it instead of asking (403 before the customer is looked up).
    Row {
        method: "POST",
        path: "/customers/{id}/removal-request",
        form: &[],
        own: ["S", "403", "R", "R", "R", "R", "403", "403"],
        other: ["S", "403", "404", "404", "404", "404", "403", "403"],
    },
    Row {
        method: "POST",
        path: "/customers/{id}/subscriptions/{sid}/addons",
        form: &[("offer_id", "m365-e5-sec"), ("quantity", "1")],
        own: MANAGE_OWN,
        // Beta's subscription is Office 365 E1, which has no such add-on.
        other: ["S", "404", "404", "404", "403", "403", "403", "422"],
    },
    // The world's subscriptions in the table are legacy: never cancelled, only suspended.
    Row {
        method: "GET",
        path: "/customers/{id}/subscriptions/{sid}/cancel",
        form: &[],
        own: ["S", "409", "409", "409", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "403", "403", "403", "409"],
    },
    Row {
        method: "POST",
        path: "/customers/{id}/subscriptions/{sid}/cancel",
        form: YES,
        own: ["S", "409", "409", "409", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "403", "403", "403", "409"],
    },
    // Auto-renew is new commerce's; the world's subscriptions in the table are legacy.
    Row {
        method: "POST",
        path: "/customers/{id}/subscriptions/{sid}/auto-renew",
        form: &[("auto_renew", "off")],
        own: ["S", "409", "409", "409", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "403", "403", "403", "409"],
    },
    Row {
        method: "POST",
        path: "/customers/{id}/subscriptions/{sid}/support-contact",
        form: &[("contact", "")],
        own: ["S", "R", "R", "403", "R", "403", "403", "404"],
        other: ["S", "404", "404", "403", "404", "403", "403", "R"],
    },
    Row {
        method: "GET",
        path: "/customers/{id}/offboarding",
        form: &[],
        own: VIEW_OWN,
        other: VIEW_OTHER,
    },
    // A stale preview (empty fingerprint) is refused: nothing changes.
    Row {
        method: "POST",
        path: "/customers/{id}/offboarding",
        form: &[("previewed", "")],
        own: ["S", "409", "409", "409", "403", "403", "403", "404"],
        other: ["S", "404", "404", "404", "403", "403", "403", "409"],
    },
    Row { method: "GET", path: "/users", form: &[], own: USERS_ALL, other: USERS_ALL },
    Row { method: "GET", path: "/users/new", form: &[], own: USERS_ALL, other: USERS_ALL },
    Row {
        method: "POST",
        path: "/users",
        form: &[
            ("email", "new.user@alpha.test"),
            ("display_name", "New User"),
            ("role", "sales_agent"),
        ],
        own: ADD_ALPHA_SALES,
        other: ADD_ALPHA_SALES,
    },
    // The one role that gives no access to customers: a User management admin grants it too.
    Row {
        method: "POST",
        path: "/users",
        form: &[
            ("email", "new.user@alpha.test"),
            ("display_name", "New User"),
            ("role", "user_management_admin"),
        ],
        own: ["S", "200", "403", "403", "403", "403", "200", "422"],
        other: ["S", "200", "403", "403", "403", "403", "200", "422"],
    },
    Row {
        method: "GET",
        path: "/users/{uid}",
        form: &[],
        own: USER_VIEW_OWN,
        other: USER_VIEW_OTHER,
    },
    Row {
        method: "POST",
        path: "/users/{uid}/roles",
        form: &[("role", "helpdesk_agent")],
        own: CUSTOMER_ROLES_OWN,
        other: CUSTOMER_ROLES_OTHER,
    },
    Row {
        method: "POST",
        path: "/users/{uid}/disable",
        form: &[],
        own: USER_CHANGE_OWN,
        other: USER_CHANGE_OTHER,
    },
    // The target is active: enabling changes nothing, and says so.
    Row {
        method: "POST",
        path: "/users/{uid}/enable",
        form: &[],
        own: USER_CHANGE_OWN,
        other: USER_CHANGE_OTHER,
    },
    Row {
        method: "POST",
        path: "/users/{uid}/reset-password",
        form: &[],
        own: USER_VIEW_OWN,
        other: USER_VIEW_OTHER,
    },
    // Resetting someone's two-step sign-in: Global admins only.
    Row {
        method: "POST",
        path: "/users/{uid}/reset-second-step",
        form: &[],
        own: ["S", "R", "403", "403", "403", "403", "403", "404"],
        other: ["S", "404", "403", "403", "403", "403", "403", "R"],
    },
    // The activity log: every role, each partner its own records.
    Row {
        method: "GET",
        path: "/activity",
        form: &[],
        own: ["S", "200", "200", "200", "200", "200", "200", "200"],
        other: ["S", "200", "200", "200", "200", "200", "200", "200"],
    },
    Row {
        method: "GET",
        path: "/activity.csv",
        form: &[],
        own: ["S", "200", "200", "200", "200", "200", "200", "200"],
        other: ["S", "200", "200", "200", "200", "200", "200", "200"],
    },
    // Security groups: managed with the users, by Global admins and User management admins.
    Row { method: "GET", path: "/security-groups", form: &[], own: USERS_ALL, other: USERS_ALL },
    Row {
        method: "POST",
        path: "/security-groups",
        form: &[("name", "Matrix group")],
        own: ["S", "R", "403", "403", "403", "403", "R", "R"],
        other: ["S", "R", "403", "403", "403", "403", "R", "R"],
    },
    Row {
        method: "GET",
        path: "/security-groups/{gid}",
        form: &[],
        own: USER_VIEW_OWN,
        other: USER_VIEW_OTHER,
    },
    Row {
        method: "POST",
        path: "/security-groups/{gid}/name",
        form: &[("name", "Renamed group")],
        own: USER_CHANGE_OWN,
        other: USER_CHANGE_OTHER,
    },
    Row {
        method: "POST",
        path: "/security-groups/{gid}/members",
        form: &[("user_id", "{uid}")],
        own: USER_CHANGE_OWN,
        other: USER_CHANGE_OTHER,
    },
    Row {
        method: "POST",
        path: "/security-groups/{gid}/members/{uid}/remove",
        form: &[],
        own: USER_CHANGE_OWN,
        other: USER_CHANGE_OTHER,
    },
    Row {
        method: "GET",
        path: "/security-groups/{gid}/delete",
        form: &[],
        own: USER_VIEW_OWN,
        other: USER_VIEW_OTHER,
    },
    Row {
        method: "POST",
        path: "/security-groups/{gid}/delete",
        form: YES,
        own: USER_CHANGE_OWN,
        other: USER_CHANGE_OTHER,
    },
    // A customer's Access tab: read by whoever sees customers; its assignments are managed by
    // Global admins and Admin agents.
    Row {
        method: "GET",
        path: "/customers/{id}/access",
        form: &[],
        own: VIEW_OWN,
        other: VIEW_OTHER,
    },
    Row {
        method: "POST",
        path: "/customers/{id}/access",
        form: &[
            ("relationship_id", "{grel}"),
            ("group_id", "{gid}"),
            ("role", "f2ef992c-3afb-46b9-b7cf-a126ee74c451"),
        ],
        own: GDAP_OWN,
        other: GDAP_OTHER,
    },
    Row {
        method: "POST",
        path: "/customers/{id}/access/{aid}/roles",
        form: &[("role", "f2ef992c-3afb-46b9-b7cf-a126ee74c451")],
        own: GDAP_OWN,
        other: GDAP_OTHER,
    },
    Row {
        method: "GET",
        path: "/customers/{id}/access/{aid}/delete",
        form: &[],
        own: ["S", "200", "200", "403", "403", "403", "403", "404"],
        other: ["S", "404", "404", "403", "403", "403", "403", "200"],
    },
    Row {
        method: "POST",
        path: "/customers/{id}/access/{aid}/delete",
        form: YES,
        own: GDAP_OWN,
        other: GDAP_OTHER,
    },
    // GDAP relationships: seen by whoever sees customers; created, sent, extended and
    // terminated by Global admins and Admin agents, each partner its own. The table's
    // relationship is `created`.
    Row {
        method: "GET",
        path: "/gdap",
        form: &[],
        own: ["S", "200", "200", "200", "200", "200", "403", "200"],
        other: ["S", "200", "200", "200", "200", "200", "403", "200"],
    },
    Row { method: "GET", path: "/gdap/new", form: &[], own: GDAP_ASK_ALL, other: GDAP_ASK_ALL },
    Row { method: "POST", path: "/gdap", form: GDAP_NEW, own: GDAP_OWN, other: GDAP_OTHER },
    Row { method: "GET", path: "/gdap/{gdap}", form: &[], own: VIEW_OWN, other: VIEW_OTHER },
    Row { method: "POST", path: "/gdap/{gdap}/send", form: &[], own: GDAP_OWN, other: GDAP_OTHER },
    Row {
        method: "POST",
        path: "/gdap/{gdap}/auto-extend",
        form: &[("auto_extend", "on")],
        own: GDAP_OWN,
        other: GDAP_OTHER,
    },
    Row {
        method: "GET",
        path: "/gdap/{gdap}/terminate",
        form: &[],
        own: GDAP_ASK_OWN,
        other: GDAP_ASK_OTHER,
    },
    Row {
        method: "POST",
        path: "/gdap/{gdap}/terminate",
        form: YES,
        own: GDAP_OWN,
        other: GDAP_OTHER,
    },
    // A created relationship is not eligible for auto-extend: reported, nothing changes.
    Row {
        method: "POST",
        path: "/gdap/bulk/auto-extend",
        form: &[("id", "{gdap}")],
        own: GDAP_OWN,
        other: GDAP_OTHER,
    },
    // The bulk question without a selection: a sentence asking for one.
    Row {
        method: "GET",
        path: "/gdap/bulk/terminate",
        form: &[],
        own: ["S", "422", "422", "403", "403", "403", "403", "422"],
        other: ["S", "422", "422", "403", "403", "403", "403", "422"],
    },
    Row {
        method: "POST",
        path: "/gdap/bulk/terminate",
        form: &[("id", "{gdap}"), ("confirmed", "yes")],
        own: GDAP_OWN,
        other: GDAP_OTHER,
    },
    // The customer admins' door: its form for anyone (a partner session is not signed in there),
    // its steps only for a session between them.
    Row { method: "GET", path: "/tenant/signin", form: &[], own: ALL_200, other: ALL_200 },
    Row {
        method: "POST",
        path: "/tenant/signin",
        form: &[("email", "it@contoso.example"), ("password", "guess")],
        own: ["403"; 8],
        other: ["403"; 8],
    },
    Row {
        method: "GET",
        path: "/tenant/signin/password",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/signin/password",
        form: &[("new_password", "a b c d e f g h"), ("confirm_password", "a b c d e f g h")],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "GET",
        path: "/tenant/signin/enrol",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/signin/enrol",
        form: &[("code", "123456")],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "GET",
        path: "/tenant/signin/code",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/signin/code",
        form: &[("code", "123456")],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/signout",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row { method: "GET", path: "/tenant", form: &[], own: TENANT_ONLY, other: TENANT_ONLY },
    Row {
        method: "GET",
        path: "/tenant/activity",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "GET",
        path: "/tenant/partners/{partner_id}/remove-dap",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/partners/{partner_id}/remove-dap",
        form: YES,
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "GET",
        path: "/tenant/gdap/{gdap}",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/gdap/{gdap}/approve",
        form: YES,
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/gdap/{gdap}/decline",
        form: YES,
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "GET",
        path: "/tenant/gdap/{gdap}/terminate",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/gdap/{gdap}/terminate",
        form: YES,
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row { method: "GET", path: "/tenant/admins", form: &[], own: TENANT_ONLY, other: TENANT_ONLY },
    Row {
        method: "POST",
        path: "/tenant/admins",
        form: &[("display_name", "New Admin"), ("email", "new.admin@example.com")],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/admins/{cadmin}/reset-password",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/admins/{cadmin}/reset-second-step",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/admins/{cadmin}/disable",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
    Row {
        method: "POST",
        path: "/tenant/admins/{cadmin}/enable",
        form: &[],
        own: TENANT_ONLY,
        other: TENANT_ONLY,
    },
];

/// The ids a route's placeholders take on one side.
struct Ids {
    /// The side's partner.
    partner: String,
    request: String,
    token: String,
    customer: String,
    removable: String,
    subscription: String,
    reservation: String,
    savings_plan: String,
    software: String,
    /// A Sales agent of the side's partner (not one of the actors).
    user: String,
    /// A customer whose relationship with the side's partner has ended.
    former: String,
    /// A customer removed by the side's Global admin, and the removal's receipt.
    receipted: String,
    receipt: String,
    /// A customer whose removal the side's Global admin has scheduled.
    scheduled: String,
    /// The side's security group without assignments, an active GDAP relationship with the
    /// side's customer, and an assignment on it (of another group).
    group: String,
    gdap_relationship: String,
    assignment: String,
    /// A GDAP relationship of the side's partner with its customer, `created`.
    gdap: String,
    /// A second administrator of the side's customer (Contoso, Beta Customer).
    cadmin: String,
}

/// A customer of `p` whose relationship its Global admin `admin` removed: (customer, receipt).
fn removed_with_receipt(env: &Env, p: &Partner, admin: &str, name: &str) -> (String, String) {
    use partnerdesk::auth::CurrentUser;
    let cust = add_customer(&mut env.conn(), p, name, false);
    let ctx = partnerdesk::services::Ctx {
        user: CurrentUser {
            id: env.user_id(admin),
            email: admin.into(),
            display_name: admin.into(),
            partner: p.clone(),
            roles: vec![Role::GlobalAdmin],
            csrf_token: String::new(),
            locale: partnerdesk::i18n::Locale::En,
            path: "/".into(),
        },
        request_id: "matrix".into(),
        correlation_id: None,
        now: partnerdesk::util::clock::now_ms(),
    };
    let links =
        partnerdesk::util::urls::PublicUrl::parse(partnerdesk::config::TEST_PUBLIC_URL).unwrap();
    let removed =
        partnerdesk::services::removal::remove(&mut env.conn(), &ctx, &links, &cust.id, true)
            .unwrap();
    (cust.id, removed.receipt_id)
}

/// A customer of `p` whose removal its Global admin `admin` has scheduled for today.
fn scheduled_removal(env: &Env, p: &Partner, admin: &str, name: &str) -> String {
    use partnerdesk::auth::CurrentUser;
    let cust = add_customer(&mut env.conn(), p, name, false);
    let now = partnerdesk::util::clock::now_ms();
    let ctx = partnerdesk::services::Ctx {
        user: CurrentUser {
            id: env.user_id(admin),
            email: admin.into(),
            display_name: admin.into(),
            partner: p.clone(),
            roles: vec![Role::GlobalAdmin],
            csrf_token: String::new(),
            locale: partnerdesk::i18n::Locale::En,
            path: "/".into(),
        },
        request_id: "matrix".into(),
        correlation_id: None,
        now,
    };
    let today = partnerdesk::util::clock::iso_date(now);
    let links =
        partnerdesk::util::urls::PublicUrl::parse(partnerdesk::config::TEST_PUBLIC_URL).unwrap();
    partnerdesk::services::scheduled_removal::schedule(
        &mut env.conn(),
        &ctx,
        &links,
        &cust.id,
        &today,
    )
    .unwrap();
    cust.id
}

/// A `created` GDAP relationship of `p` (its Global admin `admin`) with `customer`.
fn created_gdap(env: &Env, p: &Partner, admin: &str, customer: &str) -> String {
    use partnerdesk::auth::CurrentUser;
    let ctx = partnerdesk::services::Ctx {
        user: CurrentUser {
            id: env.user_id(admin),
            email: admin.into(),
            display_name: admin.into(),
            partner: p.clone(),
            roles: vec![Role::GlobalAdmin],
            csrf_token: String::new(),
            locale: partnerdesk::i18n::Locale::En,
            path: "/".into(),
        },
        request_id: "matrix".into(),
        correlation_id: None,
        now: partnerdesk::util::clock::now_ms(),
    };
    let new = partnerdesk::services::gdap::NewRelationship {
        customer_id: customer.into(),
        display_name: format!("Matrix GDAP {}", &partnerdesk::util::tokens::new_id()[..8]),
        duration: "P30D".into(),
        auto_extend: "PT0S".into(),
        role_ids: vec!["f2ef992c-3afb-46b9-b7cf-a126ee74c451".into()],
    };
    partnerdesk::services::gdap::create(&mut env.conn(), &ctx, &new).unwrap().id
}

/// A customer of `p` whose relationship has ended.
fn former_customer(c: &mut partnerdesk::db::AnyConnection, p: &Partner, name: &str) -> String {
    use diesel::prelude::*;
    use partnerdesk::db::schema::relationships as r;
    let cust = add_customer(c, p, name, false);
    diesel::update(r::table.filter(r::customer_id.eq(&cust.id)))
        .set(r::relationship_to_partner.eq("none"))
        .execute(c)
        .unwrap();
    cust.id
}

/// A security group of `p` with no assignment, and an active GDAP relationship of `p` with
/// `customer` whose Global Reader role another group of `p` holds: (group, relationship,
/// assignment).
fn gdap_access(env: &Env, p: &Partner, customer: &str) -> (String, String, String) {
    use diesel::prelude::*;
    use partnerdesk::db::schema::{gdap_relationship_roles as rr, gdap_relationships as g};
    use partnerdesk::models::gdap_access_assignment::{self as a, Assignment};
    use partnerdesk::models::security_group::{self as sg, SecurityGroup};
    use partnerdesk::util::tokens::new_id;
    let mut conn = env.conn();
    let c = &mut *conn;
    let now = partnerdesk::util::clock::now_ms();
    let group = |name: &str| SecurityGroup {
        id: new_id(),
        partner_id: p.id.clone(),
        name: name.into(),
        created_at: now,
    };
    let (free, assigned) = (group("Matrix free"), group("Matrix assigned"));
    sg::insert(c, &free).unwrap();
    sg::insert(c, &assigned).unwrap();
    let rel = new_id();
    diesel::insert_into(g::table)
        .values((
            g::id.eq(&rel),
            g::partner_id.eq(&p.id),
            g::customer_id.eq(customer),
            g::display_name.eq("Matrix GDAP"),
            g::duration_days.eq(730),
            g::auto_extend_days.eq(0),
            g::status.eq("active"),
            g::created_at.eq(now),
            g::updated_at.eq(now),
        ))
        .execute(c)
        .unwrap();
    let reader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    diesel::insert_into(rr::table)
        .values((rr::relationship_id.eq(&rel), rr::role_definition_id.eq(reader)))
        .execute(c)
        .unwrap();
    let assignment = Assignment {
        id: new_id(),
        relationship_id: rel.clone(),
        group_id: assigned.id,
        status: a::ACTIVE.into(),
        created_at: now,
        updated_at: now,
    };
    a::insert(c, &assignment, &[reader.to_owned()]).unwrap();
    (free.id, rel, assignment.id)
}

fn ids(env: &Env, own: bool) -> Ids {
    let w = &env.world;
    if own {
        let token = partnerdesk::util::tokens::random_token();
        let request = add_request(&mut env.conn(), &w.alpha, GLOBAL_ADMIN, &token, true);
        let user = add_user(&mut env.conn(), &w.alpha, "target@alpha.test", &[Role::SalesAgent]);
        let (receipted, receipt) = removed_with_receipt(env, &w.alpha, GLOBAL_ADMIN, "Alpha Gone");
        let (group, gdap_relationship, assignment) = gdap_access(env, &w.alpha, &w.contoso.id);
        return Ids {
            cadmin: add_customer_admin(&mut env.conn(), &w.contoso, "deputy@contoso.example"),
            gdap: created_gdap(env, &w.alpha, GLOBAL_ADMIN, &w.contoso.id),
            group,
            gdap_relationship,
            assignment,
            partner: w.alpha.id.clone(),
            scheduled: scheduled_removal(env, &w.alpha, GLOBAL_ADMIN, "Alpha Scheduled"),
            receipted,
            receipt,
            former: former_customer(&mut env.conn(), &w.alpha, "Alpha Former"),
            user,
            request,
            token,
            customer: w.contoso.id.clone(),
            removable: w.ready.id.clone(),
            subscription: w.contoso_base.clone(),
            reservation: w.contoso_reservation.clone(),
            savings_plan: add_savings_plan(&mut env.conn(), &w.alpha, &w.contoso, "Alpha compute"),
            software: w.contoso_software.clone(),
        };
    }
    // Partner Beta's side: its customer with an active subscription, reservation, savings plan
    // and software, and a second one with nothing active (removable).
    let mut c = env.conn();
    let reservation = add_reservation(&mut c, &w.beta, &w.beta_customer, "Beta VMs");
    let savings_plan = add_savings_plan(&mut c, &w.beta, &w.beta_customer, "Beta compute");
    let software = add_software(&mut c, &w.beta, &w.beta_customer, "Beta software", 3);
    let removable = add_customer(&mut c, &w.beta, "Beta Removable", false);
    let token = partnerdesk::util::tokens::random_token();
    let request = add_request(&mut c, &w.beta, OTHER_ADMIN, &token, false);
    let user = add_user(&mut c, &w.beta, "target@beta.test", &[Role::SalesAgent]);
    drop(c);
    let (receipted, receipt) = removed_with_receipt(env, &w.beta, OTHER_ADMIN, "Beta Gone");
    let scheduled = scheduled_removal(env, &w.beta, OTHER_ADMIN, "Beta Scheduled");
    let (group, gdap_relationship, assignment) = gdap_access(env, &w.beta, &w.beta_customer.id);
    let mut c = env.conn();
    let gdap = created_gdap(env, &w.beta, OTHER_ADMIN, &w.beta_customer.id);
    Ids {
        cadmin: add_customer_admin(&mut c, &w.beta_customer, "deputy@betacustomer.example"),
        gdap,
        group,
        gdap_relationship,
        assignment,
        partner: w.beta.id.clone(),
        scheduled,
        receipted,
        receipt,
        former: former_customer(&mut c, &w.beta, "Beta Former"),
        user,
        request,
        token,
        customer: w.beta_customer.id.clone(),
        removable: removable.id,
        subscription: w.beta_sub.clone(),
        reservation,
        savings_plan,
        software,
    }
}

fn fill(path: &str, ids: &Ids) -> String {
    let customer = if path.ends_with("/removal-schedule/cancel") {
        &ids.scheduled
    } else if path.ends_with("/remove-relationship") || path.ends_with("/removal-schedule") {
        &ids.removable
    } else if path.contains("/receipts/") {
        &ids.receipted
    } else {
        &ids.customer
    };
    path.replace("{path:.*}", &format!("css/app.css?v={}", partnerdesk::views::assets::version()))
        .replace("{id}", customer)
        .replace("{sid}", &ids.subscription)
        .replace("{rid}", &ids.reservation)
        .replace("{spid}", &ids.savings_plan)
        .replace("{pid}", &ids.software)
        .replace("{rqid}", &ids.request)
        .replace("{token}", &ids.token)
        .replace("{partner_id}", &ids.partner)
        .replace("{uid}", &ids.user)
        .replace("{former}", &ids.former)
        .replace("{kid}", &ids.user)
        .replace("{receipt}", &ids.receipt)
        .replace("{gid}", &ids.group)
        .replace("{grel}", &ids.gdap_relationship)
        .replace("{aid}", &ids.assignment)
        .replace("{gdap}", &ids.gdap)
        .replace("{cadmin}", &ids.cadmin)
        .replace("{today}", &partnerdesk::util::clock::iso_date(partnerdesk::util::clock::now_ms()))
}

fn outcome(r: &Resp) -> String {
    match r.status.as_u16() {
        303 if r.location().is_some_and(|l| l.starts_with("/signin")) => "S".into(),
        303 if r.location().is_some_and(|l| l.starts_with("/tenant/signin")) => "T".into(),
        303 => "R".into(),
        n => n.to_string(),
    }
}

#[actix_web::test]
async fn access_matrix() {
    // Every registered route must be in the table.
    let probe = Env::new();
    let _ = probe.app().await;
    // The API's routes have their own matrix, with keys instead of sessions (tests/api.rs).
    let registered: Vec<_> = partnerdesk::web::registered_routes()
        .into_iter()
        .filter(|(_, path)| !path.starts_with("/v1/"))
        .collect();
    for (method, path) in &registered {
        assert!(
            TABLE.iter().any(|r| r.method == *method && r.path == *path),
            "route {method} {path} is not in the access matrix"
        );
    }
    for r in TABLE {
        assert!(registered.contains(&(r.method, r.path)), "{} {} is not a route", r.method, r.path);
    }
    drop(probe);

    let mut failures = Vec::new();
    for row in TABLE {
        for own in [true, false] {
            let expect = if own { row.own } else { row.other };
            let mut env = Env::new();
            let mut ids_ = ids(&env, own);
            for (actor, want) in ACTORS.iter().zip(expect) {
                let succeeded = {
                    let app = env.app().await;
                    let mut b = match actor {
                        Some(email) => sign_in(&app, email).await,
                        None => Browser::default(),
                    };
                    let before = snapshot(&mut env.conn());
                    let path = fill(row.path, &ids_);
                    let form: Vec<(&str, String)> =
                        row.form.iter().map(|(k, v)| (*k, fill(v, &ids_))).collect();
                    let form: Vec<(&str, &str)> =
                        form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    let r = if row.method == "GET" {
                        get(&app, &mut b, &path).await
                    } else {
                        post(&app, &mut b, &path, &form).await
                    };
                    let got = outcome(&r);
                    let who = actor.unwrap_or("anonymous");
                    if got != want {
                        failures.push(format!(
                            "{} {} ({}) as {who}: expected {want}, got {got}",
                            row.method,
                            row.path,
                            if own { "own" } else { "other's" }
                        ));
                    }
                    let changed = before != snapshot(&mut env.conn());
                    if got.starts_with('4') && changed {
                        failures.push(format!(
                            "{} {} as {who}: refused ({got}) but the database changed",
                            row.method, row.path
                        ));
                    }
                    if ["403", "404", "409", "422"].contains(&got.as_str()) {
                        assert!(
                            !r.body.trim().is_empty(),
                            "{} {path}: a refusal without a sentence",
                            row.method
                        );
                    }
                    row.method == "POST" && (got == "R" || got == "200")
                };
                if succeeded {
                    // A success changed the world: the next actor gets a fresh one.
                    env = Env::new();
                    ids_ = ids(&env, own);
                }
            }
        }
    }
    assert!(failures.is_empty(), "access matrix mismatches:\n{}", failures.join("\n"));
}

/// What the customer admins (Contoso's, whose partner is Alpha, and Beta Customer's, whose
/// partner is Beta) get on the customer admins' routes, on Alpha's side and on Beta's. Every
/// other route answers them as it answers a visitor who is not signed in.
const TENANT_EXPECT: &[(&str, &str, [&str; 2], [&str; 2])] = &[
    ("GET", "/tenant/signin", ["R", "R"], ["R", "R"]),
    ("GET", "/tenant", ["200", "200"], ["200", "200"]),
    ("GET", "/tenant/activity", ["200", "200"], ["200", "200"]),
    ("GET", "/tenant/partners/{partner_id}/remove-dap", ["200", "404"], ["404", "200"]),
    ("POST", "/tenant/partners/{partner_id}/remove-dap", ["R", "404"], ["404", "R"]),
    // The table's GDAP relationship is `created`: its customer's admin reads it and its
    // question, but there is nothing yet to approve, decline or end (409); anyone else, 404.
    ("GET", "/tenant/gdap/{gdap}", ["200", "404"], ["404", "200"]),
    ("POST", "/tenant/gdap/{gdap}/approve", ["409", "404"], ["404", "409"]),
    ("POST", "/tenant/gdap/{gdap}/decline", ["409", "404"], ["404", "409"]),
    ("GET", "/tenant/gdap/{gdap}/terminate", ["200", "404"], ["404", "200"]),
    ("POST", "/tenant/gdap/{gdap}/terminate", ["409", "404"], ["404", "409"]),
    // `{cadmin}` is a second admin of the side's customer: its colleague acts, the other
    // customer's admin does not find it. Adding an admin is each customer's own business.
    ("GET", "/tenant/admins", ["200", "200"], ["200", "200"]),
    ("POST", "/tenant/admins", ["200", "200"], ["200", "200"]),
    ("POST", "/tenant/admins/{cadmin}/reset-password", ["200", "404"], ["404", "200"]),
    ("POST", "/tenant/admins/{cadmin}/reset-second-step", ["R", "404"], ["404", "R"]),
    ("POST", "/tenant/admins/{cadmin}/disable", ["R", "404"], ["404", "R"]),
    ("POST", "/tenant/admins/{cadmin}/enable", ["R", "404"], ["404", "R"]),
];

#[actix_web::test]
async fn customer_admins_in_the_access_matrix() {
    let mut failures = Vec::new();
    for row in TABLE {
        for own in [true, false] {
            let listed = TENANT_EXPECT.iter().find(|(m, p, ..)| *m == row.method && *p == row.path);
            let expect = match listed {
                Some((_, _, o, t)) => {
                    if own {
                        *o
                    } else {
                        *t
                    }
                }
                None => {
                    let anonymous = if own { row.own[0] } else { row.other[0] };
                    [anonymous; 2]
                }
            };
            let mut env = Env::new();
            let mut ids_ = ids(&env, own);
            for (admin, want) in [CONTOSO_ADMIN, BETA_CUSTOMER_ADMIN].into_iter().zip(expect) {
                let w = env.world.clone();
                add_customer_admin(&mut env.conn(), &w.contoso, CONTOSO_ADMIN);
                add_customer_admin(&mut env.conn(), &w.beta_customer, BETA_CUSTOMER_ADMIN);
                let app = env.app().await;
                let mut b = tenant_sign_in(&app, admin).await;
                let before = snapshot(&mut env.conn());
                let path = fill(row.path, &ids_);
                let form: Vec<(&str, String)> =
                    row.form.iter().map(|(k, v)| (*k, fill(v, &ids_))).collect();
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let r = if row.method == "GET" {
                    get(&app, &mut b, &path).await
                } else {
                    post(&app, &mut b, &path, &form).await
                };
                let got = outcome(&r);
                let side = if own { "Alpha's" } else { "Beta's" };
                if got != want {
                    failures.push(format!(
                        "{} {} ({side}) as {admin}: expected {want}, got {got}",
                        row.method, row.path
                    ));
                }
                if got.starts_with('4') && before != snapshot(&mut env.conn()) {
                    failures.push(format!(
                        "{} {} as {admin}: refused ({got}) but the database changed",
                        row.method, row.path
                    ));
                }
                // A fresh world for the next admin (the admins are added to each).
                drop(app);
                env = Env::new();
                ids_ = ids(&env, own);
            }
        }
    }
    assert!(failures.is_empty(), "customer admins' access mismatches:\n{}", failures.join("\n"));
}
