"""Work and office domains: email, chat, files, documents, IT, code, tickets, HR, jobs, data."""

from fncall.train.synth.catalog import Domain, Intent, Slot

# ---------------------------------------------------------------------------
# Shared slots
# ---------------------------------------------------------------------------

_PERMANENT = Slot(
    "permanent",
    "boolean",
    "Delete for good instead of moving it to the trash.",
    names=("permanent", "hard_delete", "skip_trash"),
    required=False,
    default=False,
    phrases=("permanently", "for good", "without keeping it in the trash"),
)

_START_DATE = Slot(
    "start_date",
    "date",
    "First day of the period (inclusive).",
    names=("start_date", "from_date", "starts_on"),
)

_END_DATE = Slot(
    "end_date",
    "date",
    "Last day of the period (inclusive).",
    names=("end_date", "to_date", "ends_on"),
)

# email ---------------------------------------------------------------------

_MESSAGE_ID = Slot(
    "message_id",
    "identifier",
    "ID of the email message.",
    names=("message_id", "email_id", "msg_id"),
    examples=("MSG-48213", "MSG-10977", "MSG-77301", "MSG-23054", "MSG-90412"),
)

_RECIPIENT = Slot(
    "to",
    "email",
    "Email address of the recipient.",
    names=("to", "recipient", "to_address"),
)

_SUBJECT = Slot(
    "subject",
    "text",
    "Subject line of the email.",
    names=("subject", "subject_line", "title"),
    examples=(
        "Q3 budget review",
        "Lunch on Friday",
        "Updated contract draft",
        "Team offsite agenda",
        "Invoice for October",
        "Follow-up from today's call",
    ),
)

_BODY = Slot(
    "body",
    "text",
    "Text of the message.",
    names=("body", "content", "message_text"),
    examples=(
        "Running ten minutes late, please start without me",
        "Attached is the revised proposal for your review",
        "Can we move our meeting to the afternoon",
        "Thanks for your help with the launch yesterday",
        "Please send me the signed form by end of day",
        "The server migration is done and everything looks good",
    ),
)

# chat ----------------------------------------------------------------------

_CHANNEL = Slot(
    "channel",
    "text",
    "Name of the chat channel.",
    names=("channel", "channel_name", "room"),
    examples=(
        "#design-team",
        "#general",
        "#release-planning",
        "#customer-support",
        "#random",
        "#backend-oncall",
    ),
)

_CHANNEL_OPT = Slot(
    "channel",
    "text",
    "Only search this channel.",
    names=("channel", "in_channel", "room"),
    required=False,
    examples=("#design-team", "#general", "#release-planning", "#sales", "#backend-oncall"),
)

_CHAT_TEXT = Slot(
    "message",
    "text",
    "Text of the chat message.",
    names=("message", "text", "content"),
    examples=(
        "standup is moved to 10:30 today",
        "the staging build is green again",
        "lunch orders close at noon",
        "the new onboarding doc is ready for review",
        "I'm stepping out for an hour",
        "the client demo went really well",
    ),
)

# files ---------------------------------------------------------------------

_PATH = Slot("path", "file_path", "Path of the file.", names=("path", "file_path", "filename"))

_SOURCE = Slot(
    "source", "file_path", "Path of the existing file.", names=("source", "src", "source_path")
)

_DESTINATION = Slot(
    "destination",
    "file_path",
    "Path the file should end up at.",
    names=("destination", "dest", "target_path"),
)

# cloud documents -------------------------------------------------------------

_DOC_ID = Slot(
    "document_id",
    "identifier",
    "ID of the cloud document.",
    names=("document_id", "doc_id", "file_id"),
    examples=("DOC-58213", "DOC-11904", "DOC-73350", "DOC-20418", "DOC-96127"),
)

# IT operations -------------------------------------------------------------

_HOST = Slot("host", "domain", "Hostname of the server.", names=("host", "hostname", "server"))

_HOST_OPT = Slot(
    "host",
    "domain",
    "Only show alerts for this host.",
    names=("host", "hostname", "server"),
    required=False,
)

# code repositories -----------------------------------------------------------

_REPO = Slot(
    "repo",
    "text",
    "Repository as owner/name.",
    names=("repo", "repository", "repo_name"),
    examples=(
        "acme/payments-api",
        "octo-org/web-frontend",
        "data-team/etl-pipelines",
        "mobile/ios-app",
        "infra/terraform-modules",
        "ml/recommendation-service",
    ),
)

_PR_NUMBER = Slot(
    "pr_number",
    "integer",
    "Number of the pull request.",
    names=("pr_number", "pull_number", "number"),
    minimum=1,
    maximum=999,
)

_BRANCH_EXAMPLES = (
    "feature/login-page",
    "fix/null-pointer",
    "release/2.4",
    "develop",
    "hotfix/payment-timeout",
    "chore/update-deps",
)

_BRANCH = Slot(
    "branch",
    "text",
    "Branch name.",
    names=("branch", "ref", "git_ref"),
    examples=_BRANCH_EXAMPLES,
)

_BRANCH_OPT = Slot(
    "branch",
    "text",
    "Branch to read from (the default branch when left out).",
    names=("branch", "ref", "sha"),
    required=False,
    examples=_BRANCH_EXAMPLES,
)

# support tickets -------------------------------------------------------------

_TICKET_ID = Slot(
    "ticket_id",
    "identifier",
    "ID of the support ticket.",
    names=("ticket_id", "ticket", "case_id"),
    examples=("TCK-48213", "TCK-10577", "TCK-90342", "TCK-23110", "TCK-66018"),
)

_PRIORITY_CHOICES = ("low", "normal", "high", "urgent")
_PRIORITY_ALIASES = {"normal": ("medium",), "urgent": ("critical", "P1")}

_PRIORITY = Slot(
    "priority",
    "enum",
    "New priority of the ticket.",
    names=("priority", "level", "new_priority"),
    choices=_PRIORITY_CHOICES,
    aliases=_PRIORITY_ALIASES,
)

_PRIORITY_OPT = Slot(
    "priority",
    "enum",
    "Priority of the new ticket.",
    names=("priority", "urgency"),
    required=False,
    default="normal",
    choices=_PRIORITY_CHOICES,
    aliases=_PRIORITY_ALIASES,
)

_CUSTOMER_EMAIL = Slot(
    "customer_email",
    "email",
    "Email address of the customer who raised the issue.",
    names=("customer_email", "requester", "requester_email"),
    required=False,
)

# HR and leave ----------------------------------------------------------------

_LEAVE_CHOICES = ("vacation", "sick", "personal", "parental", "unpaid")
_LEAVE_ALIASES = {
    "vacation": ("annual", "holiday"),
    "sick": ("medical",),
    "parental": ("maternity", "paternity"),
}

_LEAVE_TYPE = Slot(
    "leave_type",
    "enum",
    "Kind of leave.",
    names=("leave_type", "type", "absence_type"),
    choices=_LEAVE_CHOICES,
    aliases=_LEAVE_ALIASES,
)

_LEAVE_TYPE_OPT = Slot(
    "leave_type",
    "enum",
    "Kind of leave (all kinds when left out).",
    names=("leave_type", "type", "category"),
    required=False,
    choices=_LEAVE_CHOICES,
    aliases=_LEAVE_ALIASES,
)

_LEAVE_REQUEST_ID = Slot(
    "request_id",
    "identifier",
    "ID of the leave request.",
    names=("request_id", "leave_request_id", "absence_id"),
    examples=("LV-20931", "LV-55102", "LV-38467", "LV-71220", "LV-10694"),
)

# job search ------------------------------------------------------------------

_JOB_ID = Slot(
    "job_id",
    "identifier",
    "ID of the job posting.",
    names=("job_id", "posting_id", "listing_id"),
    examples=("JOB-58213", "JOB-30127", "JOB-84410", "JOB-12965", "JOB-67032"),
)

_JOB_TITLE = Slot(
    "job_title",
    "text",
    "Job title or keywords.",
    names=("job_title", "title", "keywords"),
    examples=(
        "data analyst",
        "product manager",
        "frontend developer",
        "registered nurse",
        "warehouse supervisor",
        "UX designer",
    ),
)

_JOB_CITY = Slot(
    "city",
    "city",
    "City to search around.",
    names=("location", "city", "near"),
    required=False,
)

_APPLICATION_ID = Slot(
    "application_id",
    "identifier",
    "ID of the job application.",
    names=("application_id", "app_id", "candidacy_id"),
    examples=("APP-30412", "APP-77518", "APP-10293", "APP-46650", "APP-92087"),
)

# databases -------------------------------------------------------------------

_DATABASE = Slot(
    "database",
    "text",
    "Name of the database.",
    names=("database", "db_name", "database_name"),
    examples=("analytics_prod", "orders_db", "crm", "inventory_staging", "billing", "hr_reporting"),
)

_TABLE = Slot(
    "table",
    "text",
    "Name of the table.",
    names=("table", "table_name", "relation"),
    examples=("customers", "orders", "invoices", "page_views", "employees", "shipments"),
)

# translation -----------------------------------------------------------------

_TARGET_LANGUAGE = Slot(
    "target_language",
    "language",
    "Language to translate into.",
    names=("target_language", "to_language", "target_lang"),
)

_SOURCE_LANGUAGE = Slot(
    "source_language",
    "language",
    "Language of the original (detected when left out).",
    names=("source_language", "from_language", "source_lang"),
    required=False,
)

# ---------------------------------------------------------------------------
# Domains
# ---------------------------------------------------------------------------

EMAIL = Domain(
    "email",
    (
        Intent(
            names=(
                "email_send_message",
                "email_send",
                "compose_and_send_email",
                "send_mail_message",
            ),
            summaries=(
                "Send an email to a recipient.",
                "Compose and deliver an email message with a subject and a body.",
                "Write a new email and send it right away.",
            ),
            slots=(
                _RECIPIENT,
                _SUBJECT,
                _BODY,
                Slot(
                    "cc",
                    "email",
                    "Addresses to copy on the email.",
                    names=("cc", "cc_list", "carbon_copy"),
                    required=False,
                    many=True,
                ),
                Slot(
                    "high_priority",
                    "boolean",
                    "Flag the email as high priority.",
                    names=("high_priority", "urgent", "important"),
                    required=False,
                    default=False,
                    phrases=("and mark it as high priority", "flagged as urgent"),
                ),
            ),
            queries=(
                'Send an email to {to} with the subject "{subject}" saying "{body}".',
                'Email {to}: subject "{subject}", body "{body}", cc {cc}.',
                'Can you email {to} about "{subject}" and tell them "{body}" {high_priority}?',
                'I need to let {to} know "{body}". Use "{subject}" as the subject {high_priority}.',
                'mail {to} subj "{subject}" msg "{body}"',
                'Could you please send {to} a message titled "{subject}" that says "{body}", '
                "and copy {cc}?",
                'My manager wants me to email {to} with "{subject}" in the subject line '
                'and "{body}" as the text.',
                'Write to {to}, copying {cc}, subject "{subject}": "{body}" {high_priority}',
                'Please fire off an email to {to} - subject "{subject}", '
                'message "{body}" {high_priority}.',
            ),
        ),
        Intent(
            names=(
                "search_emails",
                "email_search",
                "find_inbox_messages",
                "lookup_emails_by_keyword",
            ),
            summaries=(
                "Search the mailbox for messages matching keywords.",
                "Find emails by keyword, sender or date.",
            ),
            slots=(
                Slot(
                    "query",
                    "text",
                    "Words to look for in the messages.",
                    names=("query", "keywords", "search_text"),
                    examples=(
                        "invoice",
                        "flight confirmation",
                        "quarterly report",
                        "password reset",
                        "contract renewal",
                        "interview schedule",
                    ),
                ),
                Slot(
                    "sender",
                    "email",
                    "Only messages from this address.",
                    names=("sender", "from_address", "from_email"),
                    required=False,
                ),
                Slot(
                    "since",
                    "date",
                    "Only messages received on or after this date.",
                    names=("since", "received_after", "after_date"),
                    required=False,
                ),
                Slot(
                    "unread_only",
                    "boolean",
                    "Only return unread messages.",
                    names=("unread_only", "only_unread", "is_unread"),
                    required=False,
                    default=False,
                    phrases=("that I haven't read yet", "unread only"),
                ),
            ),
            queries=(
                "Find emails about {query}.",
                'Search my inbox for "{query}" from {sender}.',
                "Did {sender} send me anything about {query} since {since}?",
                "emails {query} since {since} {unread_only}",
                "I need to dig up the messages mentioning {query} {unread_only}.",
                "Could you please look for emails from {sender} containing {query}?",
                "Show me every message about {query} received after {since}.",
                "Any mail regarding {query} {unread_only}?",
                "Pull up the {query} emails from {sender} that came in since {since}.",
            ),
        ),
        Intent(
            names=("reply_to_email", "email_reply", "send_email_reply", "respond_to_email_message"),
            summaries=(
                "Reply to an email message.",
                "Send a response on an existing email thread.",
            ),
            slots=(
                _MESSAGE_ID,
                _BODY,
                Slot(
                    "reply_all",
                    "boolean",
                    "Reply to every recipient, not just the sender.",
                    names=("reply_all", "to_all", "include_all_recipients"),
                    required=False,
                    default=False,
                    phrases=("replying to all recipients", "to everyone on the thread"),
                ),
            ),
            queries=(
                'Reply to email {message_id} with "{body}" {reply_all}.',
                'Respond to message {message_id}: "{body}"',
                'Can you answer {message_id} {reply_all} saying "{body}"?',
                'reply {message_id} "{body}"',
                'I want to write back on {message_id} {reply_all}: "{body}"',
                'Could you please send "{body}" as a reply to {message_id}?',
                'Tell the sender of {message_id} "{body}".',
                'Hit reply on {message_id} and say "{body}" {reply_all}.',
                'Please respond to thread {message_id} with the text "{body}".',
            ),
        ),
        Intent(
            names=("forward_email", "email_forward", "forward_mail_message"),
            summaries=(
                "Forward an email to other people.",
                "Pass an existing message on to new recipients, optionally with a note.",
            ),
            slots=(
                _MESSAGE_ID,
                Slot(
                    "forward_to",
                    "email",
                    "Addresses to forward the message to.",
                    names=("forward_to", "recipients", "to"),
                    many=True,
                ),
                Slot(
                    "note",
                    "text",
                    "A short note added above the forwarded message.",
                    names=("note", "comment", "intro_text"),
                    required=False,
                    examples=(
                        "Please take a look at this",
                        "FYI, see the thread below",
                        "This is the vendor quote we discussed",
                        "Looping you in on this",
                        "Need your sign-off by Friday",
                    ),
                ),
            ),
            queries=(
                "Forward {message_id} to {forward_to}.",
                'Send email {message_id} on to {forward_to} with the note "{note}".',
                "fwd {message_id} to {forward_to}",
                "Can you forward message {message_id} to {forward_to}?",
                'I need {forward_to} to see email {message_id}; add "{note}" on top.',
                "Could you please pass {message_id} along to {forward_to}?",
                'My boss wants {message_id} forwarded to {forward_to} with a quick "{note}".',
                'Forward the mail {message_id} to {forward_to} and write "{note}".',
            ),
        ),
        Intent(
            names=("delete_email", "email_delete", "remove_email_message", "trash_email"),
            summaries=(
                "Delete an email message.",
                "Move an email to the trash or remove it permanently.",
            ),
            slots=(_MESSAGE_ID, _PERMANENT),
            queries=(
                "Delete email {message_id} {permanent}.",
                "Trash message {message_id}.",
                "Can you get rid of {message_id} {permanent}?",
                "delete {message_id}",
                "I want email {message_id} removed {permanent}.",
                "Could you please delete the message with id {message_id}?",
                "Remove {message_id} from my mailbox {permanent}.",
                "That email {message_id} is spam, just delete it.",
            ),
        ),
        Intent(
            names=(
                "schedule_email",
                "email_schedule_send",
                "send_email_later",
                "create_scheduled_email",
            ),
            summaries=(
                "Schedule an email to be sent at a later date and time.",
                "Queue an email for delayed delivery.",
            ),
            slots=(
                _RECIPIENT,
                _SUBJECT,
                Slot(
                    "send_date",
                    "date",
                    "Day the email goes out.",
                    names=("send_date", "date", "deliver_on"),
                ),
                Slot(
                    "send_time",
                    "time",
                    "Time of day the email goes out (the start of the working day if omitted).",
                    names=("send_time", "time", "at_time"),
                    required=False,
                ),
            ),
            queries=(
                'Schedule an email to {to} with subject "{subject}" for {send_date} '
                "at {send_time}.",
                'Send {to} the "{subject}" email on {send_date}.',
                'Can you queue a message to {to}, subject "{subject}", to go out on {send_date}?',
                'email {to} "{subject}" {send_date} {send_time}',
                'I want the "{subject}" mail to reach {to} on {send_date} at {send_time}.',
                'Could you please schedule "{subject}" to {to} for {send_date}?',
                'My boss wants {to} to get the "{subject}" note on {send_date} at {send_time} '
                "sharp.",
                'Set up a delayed send to {to}: "{subject}", {send_date}.',
            ),
        ),
        Intent(
            names=(
                "set_out_of_office_reply",
                "enable_email_autoreply",
                "email_vacation_responder",
                "configure_away_message",
            ),
            summaries=(
                "Turn on an automatic out-of-office reply for a date range.",
                "Set up a vacation responder for incoming email.",
            ),
            slots=(
                _START_DATE,
                _END_DATE,
                Slot(
                    "message",
                    "text",
                    "Text of the automatic reply.",
                    names=("message", "reply_text", "auto_reply_message"),
                    required=False,
                    examples=(
                        "I'm away with limited access to email",
                        "On vacation, back next week",
                        "Out at a conference, replies will be delayed",
                        "On parental leave, please contact my team",
                        "Travelling, I will answer when I'm back",
                    ),
                ),
            ),
            queries=(
                "Turn on my out-of-office from {start_date} to {end_date}.",
                'Set an auto-reply between {start_date} and {end_date} saying "{message}".',
                "ooo {start_date} - {end_date}",
                "Can you set my vacation responder for {start_date} through {end_date}?",
                "I'm away from {start_date} until {end_date}; please answer incoming mail "
                'with "{message}".',
                "Could you please enable an away message from {start_date} to {end_date}?",
                "Set up an automatic reply starting {start_date} and ending {end_date}: "
                '"{message}"',
                "I need an out-of-office for {start_date} to {end_date}.",
            ),
        ),
    ),
)

CHAT_MESSAGING = Domain(
    "chat_messaging",
    (
        Intent(
            names=(
                "post_channel_message",
                "send_chat_message",
                "chat_post_to_channel",
                "channel_message_send",
            ),
            summaries=(
                "Post a message in a team chat channel.",
                "Send a text message to a channel of the workplace chat.",
            ),
            slots=(
                _CHANNEL,
                _CHAT_TEXT,
                Slot(
                    "notify_all",
                    "boolean",
                    "Notify every member of the channel.",
                    names=("notify_all", "mention_channel", "at_here"),
                    required=False,
                    default=False,
                    phrases=("and ping everyone", "with an @here mention"),
                ),
            ),
            queries=(
                'Post "{message}" in {channel} {notify_all}.',
                "Send a message to {channel}: {message}",
                "Can you tell {channel} that {message}?",
                '{channel}: "{message}"',
                'I need to let the folks in {channel} know "{message}" {notify_all}.',
                'Could you please drop "{message}" into {channel}?',
                'Write in {channel} "{message}" {notify_all}',
                "Let {channel} know: {message}.",
                'Post to the {channel} channel saying "{message}".',
            ),
        ),
        Intent(
            names=(
                "send_direct_message",
                "chat_dm_user",
                "direct_message_send",
                "message_colleague_privately",
            ),
            summaries=(
                "Send a private chat message to a colleague.",
                "Direct-message one person in the workplace chat.",
            ),
            slots=(
                Slot(
                    "recipient",
                    "person",
                    "The person to message.",
                    names=("recipient", "user", "to_user"),
                ),
                _CHAT_TEXT,
            ),
            queries=(
                'DM {recipient} "{message}".',
                "Send a private message to {recipient}: {message}",
                "Can you message {recipient} that {message}?",
                'Tell {recipient} on chat: "{message}"',
                'I need to ping {recipient} and say "{message}".',
                'Could you please send {recipient} a direct message saying "{message}"?',
                "dm {recipient} {message}",
                "Let {recipient} know privately that {message}.",
            ),
        ),
        Intent(
            names=(
                "create_chat_channel",
                "chat_channel_create",
                "new_chat_room",
                "open_team_channel",
            ),
            summaries=(
                "Create a new chat channel.",
                "Set up a team channel and invite people to it.",
            ),
            slots=(
                Slot(
                    "channel_name",
                    "text",
                    "Name of the new channel.",
                    names=("name", "channel_name", "title"),
                    examples=(
                        "q4-launch",
                        "platform-guild",
                        "hiring-committee",
                        "office-move",
                        "mobile-app-beta",
                    ),
                ),
                Slot(
                    "private",
                    "boolean",
                    "Make the channel invite-only.",
                    names=("private", "is_private", "invite_only"),
                    required=False,
                    default=False,
                    phrases=("as a private channel", "and keep it invite-only"),
                ),
                Slot(
                    "members",
                    "email",
                    "People to add when the channel is created.",
                    names=("members", "invitees", "member_emails"),
                    required=False,
                    many=True,
                ),
            ),
            queries=(
                "Create a channel called {channel_name} {private}.",
                "Make a new chat room named {channel_name} and add {members}.",
                "Can you set up a {channel_name} channel for {members}?",
                "new channel {channel_name} {private}",
                "I need a place to discuss the project; please open {channel_name} {private}.",
                "Could you please create the channel {channel_name}?",
                "Spin up {channel_name} with {members} in it.",
                "Open a team channel {channel_name} {private} and invite {members}.",
            ),
        ),
        Intent(
            names=(
                "set_chat_status",
                "update_presence_status",
                "chat_status_update",
                "change_availability_status",
            ),
            summaries=(
                "Set the user's chat presence status.",
                "Change availability and custom status text in the workplace chat.",
            ),
            slots=(
                Slot(
                    "status",
                    "enum",
                    "Presence to show.",
                    names=("status", "presence", "availability"),
                    choices=("available", "busy", "away", "dnd"),
                    aliases={
                        "available": ("online", "free"),
                        "away": ("out of office",),
                        "dnd": ("do not disturb", "DND"),
                    },
                ),
                Slot(
                    "status_text",
                    "text",
                    "Custom status message shown next to the name.",
                    names=("status_text", "custom_message", "note"),
                    required=False,
                    examples=(
                        "Focusing on the quarterly report",
                        "Commuting",
                        "At the dentist",
                        "Presenting at the all-hands",
                        "Heads down until 3pm",
                    ),
                ),
                Slot(
                    "duration_minutes",
                    "integer",
                    "Minutes until the status clears.",
                    names=("duration_minutes", "expires_in_minutes", "minutes"),
                    required=False,
                    minimum=5,
                    maximum=480,
                ),
            ),
            queries=(
                "Set my status to {status}.",
                "Change my chat status to {status} for {duration_minutes} minutes.",
                'Mark me as {status} with the note "{status_text}".',
                "status {status} {duration_minutes} min",
                "Can you switch me to {status}?",
                "I'm heading into a workshop, set me to {status} for the next "
                "{duration_minutes} minutes.",
                'Could you please update my presence to {status} and show "{status_text}"?',
                "Switch my availability to {status}.",
                'I want to appear {status} with "{status_text}" for {duration_minutes} minutes.',
            ),
        ),
        Intent(
            names=(
                "search_chat_messages",
                "chat_history_search",
                "find_chat_messages",
                "lookup_message_history",
            ),
            summaries=(
                "Search past chat messages.",
                "Find chat messages by keyword, channel or author.",
            ),
            slots=(
                Slot(
                    "query",
                    "text",
                    "Words to search for.",
                    names=("query", "keywords", "search_terms"),
                    examples=(
                        "deployment checklist",
                        "holiday party",
                        "API key rotation",
                        "design review notes",
                        "parking permit",
                    ),
                ),
                _CHANNEL_OPT,
                Slot(
                    "author",
                    "person",
                    "Only messages written by this person.",
                    names=("author", "from_user", "sender"),
                    required=False,
                ),
            ),
            queries=(
                'Search chat for "{query}".',
                "Find messages about {query} in {channel}.",
                "What did {author} say about {query}?",
                "chat search {query} {channel}",
                "I remember someone posting the {query} somewhere; can you find it?",
                "Could you please look up messages from {author} mentioning {query} in {channel}?",
                "Find anything on {query} posted by {author}.",
                "Dig through {channel} for {query}.",
            ),
        ),
        Intent(
            names=("invite_to_chat_channel", "add_channel_members", "channel_member_add"),
            summaries=(
                "Add people to an existing chat channel.",
                "Invite colleagues into a channel.",
            ),
            slots=(
                _CHANNEL,
                Slot(
                    "members",
                    "email",
                    "People to add to the channel.",
                    names=("users", "members", "emails"),
                    many=True,
                ),
            ),
            queries=(
                "Add {members} to {channel}.",
                "Invite {members} into the {channel} channel.",
                "Can you get {members} access to {channel}?",
                "add {members} {channel}",
                "{members} should be in {channel}; please invite them.",
                "Could you please add {members} as members of {channel}?",
                "My lead wants {members} in {channel} from today.",
                "Invite {members} to join {channel}.",
            ),
        ),
        Intent(
            names=("mute_chat_channel", "channel_notifications_mute", "silence_channel_alerts"),
            summaries=(
                "Mute notifications from a chat channel.",
                "Silence a noisy channel, for a while or until unmuted.",
            ),
            slots=(
                _CHANNEL,
                Slot(
                    "hours",
                    "integer",
                    "How many hours to mute it (until unmuted when omitted).",
                    names=("hours", "duration_hours", "mute_for_hours"),
                    required=False,
                    minimum=1,
                    maximum=72,
                ),
            ),
            queries=(
                "Mute {channel}.",
                "Mute {channel} for {hours} hours.",
                "Can you silence notifications from {channel}?",
                "mute {channel} {hours} hours",
                "{channel} is too noisy; I need it quiet for {hours} hours.",
                "Could you please turn off alerts for {channel}?",
                "Stop notifying me about {channel} for the next {hours} hours.",
                "Please snooze {channel}.",
            ),
        ),
    ),
)

FILES = Domain(
    "files",
    (
        Intent(
            names=("copy_file", "file_copy", "duplicate_file_to", "copy_file_to_location"),
            summaries=(
                "Copy a file to another location.",
                "Duplicate a file, optionally overwriting the destination.",
            ),
            slots=(
                _SOURCE,
                _DESTINATION,
                Slot(
                    "overwrite",
                    "boolean",
                    "Replace the destination if it already exists.",
                    names=("overwrite", "replace_existing", "force"),
                    required=False,
                    default=False,
                    phrases=("overwriting anything already there", "and replace it if it exists"),
                ),
            ),
            queries=(
                "Copy {source} to {destination} {overwrite}.",
                "Make a copy of {source} at {destination}.",
                "Can you duplicate {source} into {destination}?",
                "cp {source} {destination}",
                "I need a backup of {source} saved as {destination} {overwrite}.",
                "Could you please copy the file {source} over to {destination}?",
                "Put a copy of {source} in {destination} {overwrite}.",
                "Duplicate {source} to {destination}.",
            ),
        ),
        Intent(
            names=("move_file", "rename_file_path", "file_move", "relocate_file"),
            summaries=(
                "Move or rename a file.",
                "Change where a file lives or what it is called.",
            ),
            slots=(_SOURCE, _DESTINATION),
            queries=(
                "Move {source} to {destination}.",
                "Rename {source} to {destination}.",
                "Can you relocate {source} to {destination}?",
                "mv {source} {destination}",
                "I saved {source} in the wrong place; it should be {destination}.",
                "Could you please move the file at {source} to {destination}?",
                "Change the path of {source} to {destination}.",
                "Shift {source} over to {destination}, please.",
            ),
        ),
        Intent(
            names=("delete_file", "file_delete", "remove_file_from_disk", "erase_file"),
            summaries=(
                "Delete a file.",
                "Remove a file, to the trash or permanently.",
            ),
            slots=(_PATH, _PERMANENT),
            queries=(
                "Delete {path} {permanent}.",
                "Remove the file {path}.",
                "Can you get rid of {path} {permanent}?",
                "rm {path}",
                "I don't need {path} anymore, delete it {permanent}.",
                "Could you please erase {path}?",
                "Trash {path}.",
                "Please remove {path} from the drive {permanent}.",
            ),
        ),
        Intent(
            names=("compress_files", "create_file_archive", "zip_files", "archive_files_bundle"),
            summaries=(
                "Pack several files into one compressed archive.",
                "Create a zip or tar archive from a list of files.",
            ),
            slots=(
                Slot(
                    "paths",
                    "file_path",
                    "Files to put in the archive.",
                    names=("paths", "files", "file_paths"),
                    many=True,
                ),
                Slot(
                    "output",
                    "text",
                    "Path of the archive to create, without the extension.",
                    names=("output", "archive_path", "destination"),
                    examples=(
                        "~/archives/q3-reports",
                        "/tmp/release-bundle",
                        "backups/photos-2024",
                        "exports/client-handover",
                        "/srv/share/audit-pack",
                    ),
                ),
                Slot(
                    "format",
                    "enum",
                    "Archive format.",
                    names=("format", "archive_format", "compression"),
                    required=False,
                    default="zip",
                    choices=("zip", "tar.gz", "7z"),
                    aliases={
                        "zip": ("ZIP",),
                        "tar.gz": ("tarball", "gzipped tar"),
                        "7z": ("7-Zip",),
                    },
                ),
            ),
            queries=(
                "Zip {paths} into {output}.",
                "Compress {paths} as {format} and save it to {output}.",
                "Can you bundle {paths} into one {format} archive at {output}?",
                "archive {paths} -> {output} {format}",
                "I need {paths} packed up in {output} to send to a client.",
                "Could you please create an archive {output} containing {paths}?",
                "Put {paths} into a {format} file called {output}.",
                "Make a {format} of {paths} at {output}.",
            ),
        ),
        Intent(
            names=("search_files_by_name", "find_files", "file_search", "locate_files_on_disk"),
            summaries=(
                "Find files whose names match a pattern.",
                "Search a folder for files by name and modification date.",
            ),
            slots=(
                Slot(
                    "pattern",
                    "text",
                    "Name or wildcard pattern to match.",
                    names=("pattern", "name_pattern", "query"),
                    examples=(
                        "*.pdf",
                        "invoice_2024*",
                        "budget",
                        "*.log",
                        "presentation_final",
                        "report*.xlsx",
                    ),
                ),
                Slot(
                    "directory",
                    "text",
                    "Folder to search in (the home folder when omitted).",
                    names=("directory", "folder", "search_root"),
                    required=False,
                    examples=(
                        "~/Documents",
                        "/home/ana/projects",
                        "/srv/shared/finance",
                        "~/Downloads",
                        "/var/log/app",
                        "D:/Work/Contracts",
                    ),
                ),
                Slot(
                    "modified_after",
                    "date",
                    "Only files changed after this date.",
                    names=("modified_after", "changed_since", "newer_than"),
                    required=False,
                ),
            ),
            queries=(
                "Find files matching {pattern}.",
                "Search {directory} for {pattern}.",
                "Which files named {pattern} have changed since {modified_after}?",
                "find {pattern} in {directory}",
                "I lost a file, something like {pattern}; can you locate it?",
                "Could you please list everything matching {pattern} under {directory} "
                "modified after {modified_after}?",
                "Look for {pattern} files edited after {modified_after}.",
                "Where are my {pattern} files?",
            ),
        ),
        Intent(
            names=(
                "convert_file_format",
                "file_convert",
                "transform_document_format",
                "convert_document_file",
            ),
            summaries=(
                "Convert a file to another format.",
                "Save a document as PDF, Word, text, HTML or Markdown.",
            ),
            slots=(
                _PATH,
                Slot(
                    "target_format",
                    "enum",
                    "Format to convert to.",
                    names=("target_format", "to_format", "output_format"),
                    choices=("pdf", "docx", "txt", "html", "md"),
                    aliases={
                        "pdf": ("PDF",),
                        "docx": ("Word", "DOCX"),
                        "txt": ("plain text",),
                        "html": ("HTML",),
                        "md": ("Markdown",),
                    },
                ),
            ),
            queries=(
                "Convert {path} to {target_format}.",
                "Turn {path} into {target_format}.",
                "Can you save {path} as {target_format}?",
                "{path} -> {target_format}",
                "I need {path} in {target_format} for the client.",
                "Could you please produce a {target_format} version of {path}?",
                "My boss wants {path} as {target_format} by noon.",
                "Export {path} to {target_format}.",
            ),
        ),
        Intent(
            names=("get_file_info", "file_metadata_lookup", "stat_file", "fetch_file_details"),
            summaries=(
                "Get a file's size, owner and timestamps.",
                "Look up the metadata of a file.",
            ),
            slots=(_PATH,),
            queries=(
                "How big is {path}?",
                "Show me the details of {path}.",
                "When was {path} last modified?",
                "file info {path}",
                "I need the size and owner of {path}.",
                "Could you please check the metadata for {path}?",
                "Who created {path} and when?",
                "Get properties of {path}.",
            ),
        ),
        Intent(
            names=(
                "create_file_share_link",
                "share_file_link",
                "file_link_generate",
                "get_shareable_file_url",
            ),
            summaries=(
                "Create a link others can use to download a file.",
                "Generate a shareable URL for a file, with an optional expiry and password.",
            ),
            slots=(
                _PATH,
                Slot(
                    "expires_in_days",
                    "integer",
                    "Days until the link stops working (never when omitted).",
                    names=("expires_in_days", "expiry_days", "valid_days"),
                    required=False,
                    minimum=1,
                    maximum=90,
                ),
                Slot(
                    "password_protected",
                    "boolean",
                    "Require a password to open the link.",
                    names=("password_protected", "require_password", "protect"),
                    required=False,
                    default=False,
                    phrases=("with a password", "protected by a password"),
                ),
            ),
            queries=(
                "Create a share link for {path} {password_protected}.",
                "Give me a link to {path} that expires in {expires_in_days} days.",
                "Can you make {path} shareable?",
                "share link {path} {expires_in_days} days",
                "I need to send {path} to a client; make a link valid for {expires_in_days} "
                "days {password_protected}.",
                "Could you please generate a download link for {path}?",
                "Make a public URL for {path} {password_protected}.",
                "Link for {path}, good for {expires_in_days} days.",
            ),
        ),
    ),
)

CLOUD_DOCUMENTS = Domain(
    "cloud_documents",
    (
        Intent(
            names=(
                "create_cloud_document",
                "new_online_doc",
                "cloud_doc_create",
                "create_shared_document",
            ),
            summaries=(
                "Create a new online document, spreadsheet or presentation.",
                "Start a blank cloud document with a title.",
            ),
            slots=(
                Slot(
                    "title",
                    "text",
                    "Title of the new document.",
                    names=("title", "name", "document_title"),
                    examples=(
                        "Q3 planning notes",
                        "Onboarding checklist",
                        "Marketing budget 2025",
                        "Board meeting minutes",
                        "Product roadmap",
                        "Vendor comparison",
                    ),
                ),
                Slot(
                    "doc_type",
                    "enum",
                    "Kind of document.",
                    names=("doc_type", "type", "kind"),
                    required=False,
                    default="document",
                    choices=("document", "spreadsheet", "presentation"),
                    aliases={
                        "document": ("doc", "text document"),
                        "spreadsheet": ("sheet", "workbook"),
                        "presentation": ("slide deck", "deck"),
                    },
                ),
                Slot(
                    "folder",
                    "text",
                    "Folder to create it in (the root when omitted).",
                    names=("folder", "parent_folder", "location"),
                    required=False,
                    examples=(
                        "Team Drive/Finance",
                        "Projects/Apollo",
                        "Shared/HR",
                        "My Drive/Drafts",
                        "Clients/Northwind",
                    ),
                ),
            ),
            queries=(
                'Create a new {doc_type} called "{title}".',
                'Make a doc named "{title}" in {folder}.',
                'Can you start a {doc_type} titled "{title}" under {folder}?',
                'new {doc_type} "{title}"',
                'I need a blank {doc_type} for "{title}".',
                'Could you please set up a document called "{title}"?',
                'My boss wants a "{title}" {doc_type} in {folder} before the meeting.',
                'Create "{title}" in {folder}.',
            ),
        ),
        Intent(
            names=(
                "share_cloud_document",
                "document_share",
                "grant_document_access",
                "share_doc_with_users",
            ),
            summaries=(
                "Share a cloud document with other people.",
                "Give people view, comment or edit access to a document.",
            ),
            slots=(
                _DOC_ID,
                Slot(
                    "emails",
                    "email",
                    "People to share with.",
                    names=("emails", "users", "share_with"),
                    many=True,
                ),
                Slot(
                    "role",
                    "enum",
                    "Access level to grant.",
                    names=("role", "permission", "access_level"),
                    required=False,
                    default="viewer",
                    choices=("viewer", "commenter", "editor"),
                    aliases={
                        "viewer": ("view-only", "read-only"),
                        "commenter": ("comment",),
                        "editor": ("edit", "full edit"),
                    },
                ),
            ),
            queries=(
                "Share {document_id} with {emails}.",
                "Give {emails} {role} access to {document_id}.",
                "Can you share document {document_id} with {emails} and give them {role} access?",
                "share {document_id} {emails} {role}",
                "I need {emails} to be able to open {document_id}.",
                "Could you please add {emails} to {document_id} with {role} permission?",
                "My team lead wants {emails} on {document_id}.",
                "Grant {role} access on {document_id} to {emails}.",
            ),
        ),
        Intent(
            names=("add_document_comment", "comment_on_cloud_doc", "doc_comment_create"),
            summaries=(
                "Add a comment to a cloud document.",
                "Leave a note for the authors of a document.",
            ),
            slots=(
                _DOC_ID,
                Slot(
                    "comment",
                    "text",
                    "Text of the comment.",
                    names=("comment", "text", "comment_text"),
                    examples=(
                        "Numbers in section 3 need updating",
                        "Looks good to me",
                        "Please add the Q2 figures here",
                        "Let's cut this paragraph",
                        "The source for this chart is missing",
                    ),
                ),
            ),
            queries=(
                'Add a comment to {document_id}: "{comment}"',
                'Comment "{comment}" on document {document_id}.',
                'Can you leave the note "{comment}" on {document_id}?',
                'comment {document_id} "{comment}"',
                'I want to tell the author of {document_id} "{comment}".',
                'Could you please post "{comment}" as a comment in {document_id}?',
                'Drop a comment on {document_id} saying "{comment}".',
                "Note on {document_id}: {comment}",
            ),
        ),
        Intent(
            names=(
                "export_cloud_document",
                "document_export",
                "download_doc_as",
                "cloud_doc_download",
            ),
            summaries=(
                "Export a cloud document to a file format.",
                "Download a document as PDF, Word, OpenDocument or Markdown.",
            ),
            slots=(
                _DOC_ID,
                Slot(
                    "format",
                    "enum",
                    "File format to export to.",
                    names=("format", "export_format", "file_type"),
                    choices=("pdf", "docx", "odt", "md"),
                    aliases={
                        "pdf": ("PDF",),
                        "docx": ("Word", "DOCX"),
                        "odt": ("ODT", "OpenDocument"),
                        "md": ("Markdown",),
                    },
                ),
            ),
            queries=(
                "Export {document_id} as {format}.",
                "Download document {document_id} in {format}.",
                "Can I get {document_id} as a {format} file?",
                "{document_id} to {format}",
                "I need {document_id} exported to {format} for the auditors.",
                "Could you please save {document_id} as {format}?",
                "Convert doc {document_id} into {format} and download it.",
                "Give me {document_id} in {format} format.",
            ),
        ),
        Intent(
            names=(
                "list_document_versions",
                "doc_version_history",
                "get_document_revisions",
                "fetch_doc_revision_log",
            ),
            summaries=(
                "List the version history of a cloud document.",
                "Show who changed a document and when.",
            ),
            slots=(
                _DOC_ID,
                Slot(
                    "limit",
                    "integer",
                    "How many versions to return.",
                    names=("limit", "max_versions", "count"),
                    required=False,
                    default=10,
                    minimum=1,
                    maximum=50,
                ),
            ),
            queries=(
                "Show the version history of {document_id}.",
                "List the last {limit} revisions of {document_id}.",
                "Who changed {document_id} recently?",
                "versions {document_id}",
                "I need to see the previous {limit} versions of document {document_id}.",
                "Could you please pull the revision log for {document_id}?",
                "What edits were made to {document_id}?",
                "Show the {limit} most recent versions of {document_id}.",
            ),
        ),
        Intent(
            names=(
                "restore_document_version",
                "doc_revert_to_version",
                "rollback_cloud_document",
            ),
            summaries=(
                "Restore a cloud document to an earlier version.",
                "Roll a document back to a saved revision.",
            ),
            slots=(
                _DOC_ID,
                Slot(
                    "version_id",
                    "identifier",
                    "ID of the version to restore.",
                    names=("version_id", "revision_id", "version"),
                    examples=("REV-3381", "REV-1107", "REV-9024", "REV-4456", "REV-7713"),
                ),
            ),
            queries=(
                "Restore {document_id} to version {version_id}.",
                "Roll back {document_id} to {version_id}.",
                "Can you revert document {document_id} to revision {version_id}?",
                "revert {document_id} {version_id}",
                "Someone broke {document_id}; I need it back the way it was in {version_id}.",
                "Could you please bring back version {version_id} of {document_id}?",
                "Undo the changes to {document_id} by restoring {version_id}.",
                "Put {document_id} back to revision {version_id}.",
            ),
        ),
        Intent(
            names=(
                "search_cloud_documents",
                "find_online_docs",
                "document_search",
                "lookup_shared_documents",
            ),
            summaries=(
                "Search cloud documents by keyword.",
                "Find documents by content, owner or sharing.",
            ),
            slots=(
                Slot(
                    "query",
                    "text",
                    "Words to search for.",
                    names=("query", "keywords", "search_text"),
                    examples=(
                        "budget",
                        "offsite agenda",
                        "hiring plan",
                        "release notes",
                        "customer feedback",
                    ),
                ),
                Slot(
                    "owner",
                    "email",
                    "Only documents owned by this person.",
                    names=("owner", "owner_email", "created_by"),
                    required=False,
                ),
                Slot(
                    "shared_with_me",
                    "boolean",
                    "Only documents others shared with the user.",
                    names=("shared_with_me", "only_shared", "shared"),
                    required=False,
                    default=False,
                    phrases=("that were shared with me", "among the files others shared with me"),
                ),
            ),
            queries=(
                "Find documents about {query}.",
                'Search my docs for "{query}" owned by {owner}.',
                "Any docs or spreadsheets on {query} {shared_with_me}?",
                "docs {query} {shared_with_me}",
                "I need the {query} document {owner} wrote.",
                "Could you please look for files mentioning {query}?",
                "Where is the {query} doc {shared_with_me}?",
                "Show documents matching {query} from {owner}.",
            ),
        ),
        Intent(
            names=(
                "revoke_document_access",
                "unshare_cloud_document",
                "remove_doc_collaborator",
            ),
            summaries=(
                "Remove a person's access to a cloud document.",
                "Stop sharing a document with someone.",
            ),
            slots=(
                _DOC_ID,
                Slot(
                    "email",
                    "email",
                    "The person to remove.",
                    names=("email", "user_email", "collaborator"),
                ),
            ),
            queries=(
                "Remove {email} from {document_id}.",
                "Revoke access to {document_id} for {email}.",
                "Can you stop {email} from seeing {document_id}?",
                "unshare {document_id} {email}",
                "{email} left the project, so take them off {document_id}.",
                "Could you please unshare document {document_id} with {email}?",
                "I no longer want {email} to edit {document_id}.",
                "Kick {email} out of {document_id}.",
            ),
        ),
    ),
)

IT_OPERATIONS = Domain(
    "it_operations",
    (
        Intent(
            names=(
                "check_server_status",
                "ping_server_host",
                "server_health_check",
                "get_host_uptime",
            ),
            summaries=(
                "Check whether a server is up and responding.",
                "Ping a host and report its health and uptime.",
            ),
            slots=(
                _HOST,
                Slot(
                    "timeout_seconds",
                    "integer",
                    "Seconds to wait for an answer.",
                    names=("timeout_seconds", "timeout", "wait_seconds"),
                    required=False,
                    default=5,
                    minimum=1,
                    maximum=60,
                ),
            ),
            queries=(
                "Is {host} up?",
                "Check if {host} answers within {timeout_seconds} seconds.",
                "Ping {host} for me.",
                "status {host} timeout {timeout_seconds}",
                "Users say {host} is slow; can you check whether it is reachable?",
                "Could you please run a health check on {host}?",
                "Ping {host} and give up after {timeout_seconds} seconds.",
                "I need the uptime of {host}.",
            ),
        ),
        Intent(
            names=("restart_service", "service_restart", "restart_server_daemon", "bounce_service"),
            summaries=(
                "Restart a service on a server.",
                "Stop and start a daemon on a given host.",
            ),
            slots=(
                Slot(
                    "service",
                    "text",
                    "Name of the service.",
                    names=("service", "service_name", "unit"),
                    examples=(
                        "nginx",
                        "postgresql",
                        "redis-server",
                        "payment-worker",
                        "docker",
                        "cron",
                    ),
                ),
                _HOST,
                Slot(
                    "force",
                    "boolean",
                    "Kill the service if it does not stop cleanly.",
                    names=("force", "hard_restart", "kill_if_stuck"),
                    required=False,
                    default=False,
                    phrases=("forcefully", "even if it has active connections"),
                ),
            ),
            queries=(
                "Restart {service} on {host} {force}.",
                "Bounce {service} on {host}.",
                "Can you restart the {service} service on {host}?",
                "restart {service} @ {host} {force}",
                "{service} on {host} is hanging; I need it restarted {force}.",
                "Could you please restart {service} running on {host}?",
                "Kick {service} on {host} {force}.",
                "The on-call lead wants {service} on {host} restarted now.",
            ),
        ),
        Intent(
            names=(
                "get_server_metrics",
                "host_metrics_query",
                "fetch_resource_usage",
                "monitor_server_load",
            ),
            summaries=(
                "Get CPU, memory, disk or network usage of a server.",
                "Read recent resource metrics for a host.",
            ),
            slots=(
                _HOST,
                Slot(
                    "metric",
                    "enum",
                    "Which resource to report.",
                    names=("metric", "resource", "metric_name"),
                    choices=("cpu", "memory", "disk", "network"),
                    aliases={
                        "cpu": ("CPU", "processor load"),
                        "memory": ("RAM",),
                        "disk": ("storage", "disk space"),
                        "network": ("bandwidth", "network traffic"),
                    },
                ),
                Slot(
                    "window_minutes",
                    "integer",
                    "How far back to look, in minutes.",
                    names=("window_minutes", "minutes", "lookback_minutes"),
                    required=False,
                    default=15,
                    minimum=5,
                    maximum=1440,
                ),
            ),
            queries=(
                "Show {metric} usage on {host}.",
                "What was the {metric} on {host} over the last {window_minutes} minutes?",
                "How much {metric} is {host} using?",
                "{metric} {host} last {window_minutes} minutes",
                "I think {host} is running out of {metric}; can you check?",
                "Could you please pull {metric} stats for {host} for the past "
                "{window_minutes} minutes?",
                "Graph {metric} for {host}.",
                "Get me the {metric} numbers for {host}.",
            ),
        ),
        Intent(
            names=(
                "unlock_directory_account",
                "it_unlock_user_account",
                "release_locked_login",
            ),
            summaries=(
                "Unlock a user account locked after failed sign-ins.",
                "Re-enable login for a locked directory account.",
            ),
            slots=(
                Slot(
                    "user_email",
                    "email",
                    "Email of the locked account.",
                    names=("user_email", "email", "account"),
                ),
            ),
            queries=(
                "Unlock the account for {user_email}.",
                "{user_email} is locked out, please fix it.",
                "Can you unlock {user_email}?",
                "unlock {user_email}",
                "My colleague {user_email} typed the wrong password too many times; "
                "I need the account unlocked.",
                "Could you please release the lock on {user_email}?",
                "Re-enable login for {user_email}.",
                "The account {user_email} got locked this morning, can you unlock it?",
            ),
        ),
        Intent(
            names=(
                "provision_virtual_machine",
                "create_vm_instance",
                "vm_provision",
                "launch_cloud_server",
            ),
            summaries=(
                "Create a new virtual machine.",
                "Provision a cloud server with a given size and region.",
            ),
            slots=(
                Slot(
                    "vm_name",
                    "text",
                    "Name of the new machine.",
                    names=("name", "vm_name", "instance_name"),
                    examples=(
                        "build-agent-03",
                        "staging-web-01",
                        "analytics-db",
                        "test-runner",
                        "jumpbox-eu",
                    ),
                ),
                Slot(
                    "cpus",
                    "integer",
                    "Number of virtual CPUs.",
                    names=("cpus", "vcpus", "cpu_count"),
                    minimum=1,
                    maximum=64,
                ),
                Slot(
                    "memory_gb",
                    "integer",
                    "Memory in GB.",
                    names=("memory_gb", "ram_gb", "memory"),
                    required=False,
                    default=4,
                    minimum=1,
                    maximum=512,
                ),
                Slot(
                    "region",
                    "enum",
                    "Data-center region.",
                    names=("region", "zone", "location"),
                    required=False,
                    default="us-east",
                    choices=("us-east", "eu-west", "ap-south"),
                    aliases={
                        "us-east": ("US East", "Virginia"),
                        "eu-west": ("EU West", "Ireland"),
                        "ap-south": ("Asia Pacific South", "Mumbai"),
                    },
                ),
            ),
            queries=(
                "Create a VM called {vm_name} with {cpus} CPUs.",
                "Provision {vm_name}: {cpus} vCPUs, {memory_gb} GB RAM, in {region}.",
                "Can you spin up a server named {vm_name} with {cpus} cores and "
                "{memory_gb} GB of memory?",
                "new vm {vm_name} {cpus} cpu {memory_gb} gb {region}",
                "I need a machine {vm_name} with {cpus} processors in {region}.",
                "Could you please launch {vm_name} with {cpus} CPUs?",
                "We need {vm_name} up in {region}, {cpus} cores.",
                "Set up instance {vm_name} ({cpus} vCPU, {memory_gb} GB).",
            ),
        ),
        Intent(
            names=(
                "schedule_maintenance_window",
                "create_downtime_window",
                "maintenance_schedule",
            ),
            summaries=(
                "Schedule a maintenance window for a server.",
                "Plan downtime for a host, silencing its alerts meanwhile.",
            ),
            slots=(
                _HOST,
                Slot("date", "date", "Day of the maintenance.", names=("date", "on_date", "day")),
                Slot(
                    "start_time",
                    "time",
                    "When the window starts.",
                    names=("start_time", "time", "starts_at"),
                ),
                Slot(
                    "duration_hours",
                    "integer",
                    "Length of the window in hours.",
                    names=("duration_hours", "hours", "length_hours"),
                    required=False,
                    default=1,
                    minimum=1,
                    maximum=24,
                ),
            ),
            queries=(
                "Schedule maintenance on {host} for {date} at {start_time}.",
                "Book a downtime window of {duration_hours} hours for {host} on {date} "
                "at {start_time}.",
                "Can you put {host} into maintenance on {date} starting {start_time}?",
                "maint {host} {date} {start_time} for {duration_hours} hours",
                "We are patching {host}; I need a maintenance window on {date} at {start_time} "
                "lasting {duration_hours} hours.",
                "Could you please plan downtime for {host} on {date} at {start_time}?",
                "Silence alerts for {host} during maintenance on {date} from {start_time}.",
                "Set a window on {host}: {date}, {start_time}.",
            ),
        ),
        Intent(
            names=(
                "list_active_alerts",
                "get_monitoring_alerts",
                "alerts_overview",
                "fetch_open_incidents",
            ),
            summaries=(
                "List monitoring alerts that are currently firing.",
                "Show open incidents, by severity or host.",
            ),
            slots=(
                Slot(
                    "severity",
                    "enum",
                    "Only alerts of this severity.",
                    names=("severity", "level", "min_severity"),
                    required=False,
                    choices=("critical", "warning", "info"),
                    aliases={
                        "critical": ("sev1", "P1"),
                        "warning": ("sev2",),
                        "info": ("informational",),
                    },
                ),
                _HOST_OPT,
            ),
            queries=(
                "Show active alerts.",
                "List {severity} alerts.",
                "Are there any {severity} alerts on {host}?",
                "alerts {host}",
                "I need to know what is firing right now.",
                "Could you please list all open {severity} incidents?",
                "What alerts does {host} have?",
                "Any {severity} issues going on?",
            ),
        ),
    ),
)

CODE_REPOSITORIES = Domain(
    "code_repositories",
    (
        Intent(
            names=(
                "create_pull_request",
                "open_pull_request",
                "pr_create",
                "submit_merge_request",
            ),
            summaries=(
                "Open a pull request from one branch into another.",
                "Propose merging a branch by creating a pull request.",
            ),
            slots=(
                _REPO,
                Slot(
                    "head_branch",
                    "text",
                    "Branch with the changes.",
                    names=("head", "source_branch", "from_branch"),
                    examples=_BRANCH_EXAMPLES,
                ),
                Slot(
                    "title",
                    "text",
                    "Title of the pull request.",
                    names=("title", "pr_title", "summary"),
                    examples=(
                        "Add retry logic to checkout",
                        "Fix typo in README",
                        "Upgrade logging library",
                        "Refactor user service",
                        "Add dark mode toggle",
                    ),
                ),
                Slot(
                    "base_branch",
                    "text",
                    "Branch to merge into (the default branch when omitted).",
                    names=("base", "target_branch", "into_branch"),
                    required=False,
                    examples=("main", "develop", "release/2.4", "staging", "master"),
                ),
                Slot(
                    "draft",
                    "boolean",
                    "Open it as a draft.",
                    names=("draft", "is_draft", "as_draft"),
                    required=False,
                    default=False,
                    phrases=("as a draft", "in draft mode"),
                ),
            ),
            queries=(
                'Open a pull request in {repo} from {head_branch} titled "{title}" {draft}.',
                'Create a PR on {repo}: {head_branch} into {base_branch}, "{title}".',
                'Can you open a PR for {head_branch} in {repo} called "{title}"?',
                'pr {repo} {head_branch} -> {base_branch} "{title}"',
                'I finished {head_branch} in {repo}; please raise a pull request "{title}" '
                "{draft}.",
                "Could you please create a pull request merging {head_branch} into "
                '{base_branch} on {repo}, titled "{title}"?',
                'My tech lead wants a PR "{title}" from {head_branch} in {repo} {draft}.',
                'Submit {head_branch} for review in {repo} with the title "{title}".',
            ),
        ),
        Intent(
            names=(
                "list_pull_requests",
                "get_repo_pull_requests",
                "pull_request_listing",
                "fetch_repo_prs",
            ),
            summaries=(
                "List the pull requests of a repository.",
                "Show pull requests filtered by state or author.",
            ),
            slots=(
                _REPO,
                Slot(
                    "state",
                    "enum",
                    "Which pull requests to list.",
                    names=("state", "status", "pr_state"),
                    required=False,
                    default="open",
                    choices=("open", "closed", "merged", "all"),
                    aliases={"open": ("pending",), "all": ("every",)},
                ),
                Slot(
                    "author",
                    "text",
                    "Only pull requests opened by this username.",
                    names=("author", "creator", "opened_by"),
                    required=False,
                    examples=("jdoe", "mchen", "priya-k", "alex_dev", "sam-r"),
                ),
            ),
            queries=(
                "List open pull requests in {repo}.",
                "Show {state} PRs for {repo}.",
                "What pull requests has {author} opened in {repo}?",
                "prs {repo} {state}",
                "I need an overview of the {state} pull requests on {repo} by {author}.",
                "Could you please list the PRs in {repo}?",
                "Which PRs are waiting in {repo}?",
                "Show me the {state} pull requests by {author} in {repo}.",
            ),
        ),
        Intent(
            names=(
                "merge_pull_request",
                "pr_merge",
                "merge_pr_into_base",
                "complete_pull_request",
            ),
            summaries=(
                "Merge a pull request.",
                "Land an approved pull request with a chosen merge method.",
            ),
            slots=(
                _REPO,
                _PR_NUMBER,
                Slot(
                    "merge_method",
                    "enum",
                    "How to merge.",
                    names=("merge_method", "method", "strategy"),
                    required=False,
                    default="merge",
                    choices=("merge", "squash", "rebase"),
                    aliases={
                        "merge": ("a merge commit", "a regular merge"),
                        "squash": ("squash and merge",),
                        "rebase": ("rebase and merge",),
                    },
                ),
                Slot(
                    "delete_branch",
                    "boolean",
                    "Delete the source branch after merging.",
                    names=("delete_branch", "remove_source_branch", "cleanup_branch"),
                    required=False,
                    default=False,
                    phrases=("and delete the branch afterwards", "then remove the source branch"),
                ),
            ),
            queries=(
                "Merge PR {pr_number} in {repo} {delete_branch}.",
                "Merge pull request {pr_number} on {repo} using {merge_method}.",
                "Can you merge PR number {pr_number} in {repo}?",
                "merge {repo} pr {pr_number} {merge_method}",
                "PR {pr_number} in {repo} is approved; please merge it using {merge_method} "
                "{delete_branch}.",
                "Could you please land pull request {pr_number} in {repo}?",
                "Ship pull request {pr_number} on {repo} {delete_branch}.",
                "I want {repo} PR {pr_number} merged using {merge_method}.",
            ),
        ),
        Intent(
            names=("create_git_branch", "branch_create", "new_repo_branch", "make_feature_branch"),
            summaries=(
                "Create a new branch in a repository.",
                "Cut a branch from an existing branch or tag.",
            ),
            slots=(
                _REPO,
                Slot(
                    "branch_name",
                    "text",
                    "Name of the new branch.",
                    names=("branch", "branch_name", "new_branch"),
                    examples=(
                        "feature/search-filters",
                        "fix/login-redirect",
                        "release/3.0",
                        "experiment/new-cache",
                        "docs/api-guide",
                    ),
                ),
                Slot(
                    "from_ref",
                    "text",
                    "Branch or tag to start from (the default branch when omitted).",
                    names=("from_branch", "source", "base_ref"),
                    required=False,
                    examples=("main", "develop", "release/2.4", "v3.1.0", "staging"),
                ),
            ),
            queries=(
                "Create a branch {branch_name} in {repo}.",
                "Make branch {branch_name} off {from_ref} in {repo}.",
                "Can you cut {branch_name} from {from_ref} on {repo}?",
                "branch {repo} {branch_name}",
                "I need a new branch called {branch_name} in {repo}.",
                "Could you please create {branch_name} in {repo} based on {from_ref}?",
                "Start {branch_name} on {repo} from {from_ref}.",
                "New branch {branch_name} for {repo}, please.",
            ),
        ),
        Intent(
            names=("list_commits", "get_commit_history", "repo_commit_log", "fetch_recent_commits"),
            summaries=(
                "List recent commits of a repository.",
                "Show the commit log of a branch, optionally since a date.",
            ),
            slots=(
                _REPO,
                _BRANCH_OPT,
                Slot(
                    "since",
                    "date",
                    "Only commits made on or after this date.",
                    names=("since", "after", "from_date"),
                    required=False,
                ),
                Slot(
                    "limit",
                    "integer",
                    "How many commits to return.",
                    names=("limit", "max_commits", "per_page"),
                    required=False,
                    default=20,
                    minimum=1,
                    maximum=100,
                ),
            ),
            queries=(
                "Show recent commits in {repo}.",
                "List the last {limit} commits on {branch} in {repo}.",
                "What changed in {repo} since {since}?",
                "log {repo} {branch} {limit}",
                "I need the commit history of {repo} since {since}.",
                "Could you please show me commits to {branch} of {repo} after {since}?",
                "Who pushed to {repo} lately?",
                "Give me {limit} commits from {repo}.",
            ),
        ),
        Intent(
            names=(
                "create_repository_issue",
                "file_repo_issue",
                "issue_create_in_repo",
                "open_code_issue",
            ),
            summaries=(
                "Open an issue in a code repository.",
                "File a bug or feature request against a repository, with labels.",
            ),
            slots=(
                _REPO,
                Slot(
                    "title",
                    "text",
                    "Title of the issue.",
                    names=("title", "issue_title", "summary"),
                    examples=(
                        "Login button unresponsive on Safari",
                        "Memory leak in worker process",
                        "Docs missing for config flags",
                        "Crash when uploading large files",
                        "Flaky test in checkout suite",
                    ),
                ),
                Slot(
                    "labels",
                    "text",
                    "Labels to attach.",
                    names=("labels", "tags", "label_names"),
                    required=False,
                    many=True,
                    examples=(
                        "bug",
                        "enhancement",
                        "documentation",
                        "good first issue",
                        "high priority",
                    ),
                ),
            ),
            queries=(
                'Open an issue in {repo}: "{title}".',
                'File a bug on {repo} titled "{title}" with labels {labels}.',
                'Can you create an issue "{title}" in {repo}?',
                'issue {repo} "{title}" {labels}',
                'I found a problem in {repo}; log it as "{title}".',
                'Could you please raise "{title}" on {repo} and tag it {labels}?',
                'Add an issue to {repo} called "{title}".',
                'My QA colleague wants "{title}" tracked in {repo}, labelled {labels}.',
            ),
        ),
        Intent(
            names=(
                "get_ci_build_status",
                "check_pipeline_status",
                "ci_status_lookup",
                "fetch_build_result",
            ),
            summaries=(
                "Get the latest CI build status of a branch.",
                "Check whether the pipeline of a branch passed.",
            ),
            slots=(_REPO, _BRANCH),
            queries=(
                "Did the build pass on {branch} in {repo}?",
                "Check CI status for {repo} {branch}.",
                "Is the pipeline green for {branch} on {repo}?",
                "ci {repo} {branch}",
                "I want to merge {branch}; what does CI say for {repo}?",
                "Could you please check the latest build of {branch} in {repo}?",
                "Show the test results for {repo} on {branch}.",
                "Why is {branch} failing in {repo}?",
            ),
        ),
        Intent(
            names=(
                "request_code_review",
                "add_pr_reviewers",
                "pull_request_review_request",
            ),
            summaries=(
                "Ask people to review a pull request.",
                "Add reviewers to a pull request.",
            ),
            slots=(
                _REPO,
                _PR_NUMBER,
                Slot(
                    "reviewers",
                    "text",
                    "Usernames of the reviewers.",
                    names=("reviewers", "reviewer_usernames", "users"),
                    many=True,
                    examples=("jdoe", "mchen", "priya-k", "alex_dev", "sam-r", "lwong"),
                ),
            ),
            queries=(
                "Request a review from {reviewers} on PR {pr_number} in {repo}.",
                "Add {reviewers} as reviewers to pull request {pr_number} of {repo}.",
                "Can you ask {reviewers} to review pull request {pr_number} on {repo}?",
                "review {repo} {pr_number} {reviewers}",
                "I need {reviewers} to look at PR {pr_number} in {repo}.",
                "Could you please assign {reviewers} to review {repo} PR {pr_number}?",
                "Get {reviewers} on PR {pr_number} of {repo}.",
                "Ping {reviewers} for a review of {repo} pull request {pr_number}.",
            ),
        ),
    ),
)

SUPPORT_TICKETS = Domain(
    "support_tickets",
    (
        Intent(
            names=(
                "create_support_ticket",
                "open_helpdesk_ticket",
                "support_ticket_create",
                "submit_support_case",
            ),
            summaries=(
                "Open a new support ticket.",
                "File a helpdesk case with a subject, details and priority.",
            ),
            slots=(
                Slot(
                    "subject",
                    "text",
                    "Short summary of the problem.",
                    names=("subject", "title", "summary"),
                    examples=(
                        "Cannot log in to the portal",
                        "Invoice shows wrong amount",
                        "Printer on floor 3 not working",
                        "VPN disconnects every hour",
                        "Refund not received",
                    ),
                ),
                Slot(
                    "description",
                    "text",
                    "Details of the problem.",
                    names=("description", "details", "body"),
                    required=False,
                    examples=(
                        "It started after yesterday's update",
                        "Happens on both Chrome and Firefox",
                        "Three customers reported the same thing",
                        "Error code 503 appears on the checkout page",
                        "The issue affects the whole sales team",
                    ),
                ),
                _PRIORITY_OPT,
                _CUSTOMER_EMAIL,
            ),
            queries=(
                'Open a ticket: "{subject}".',
                'Create a {priority} priority ticket "{subject}" with details "{description}".',
                'Can you log a support case for {customer_email} about "{subject}"?',
                'ticket "{subject}" {priority}',
                'I need to report "{subject}". {description}.',
                'Could you please file a ticket titled "{subject}" on behalf of {customer_email}?',
                'A customer, {customer_email}, wrote in about "{subject}"; '
                "open a {priority} priority ticket.",
                'Raise a helpdesk ticket: "{subject}" - {description}',
                'New support request "{subject}", priority {priority}.',
            ),
        ),
        Intent(
            names=(
                "get_ticket_status",
                "support_ticket_lookup",
                "check_case_status",
                "fetch_ticket_details",
            ),
            summaries=(
                "Get the status and details of a support ticket.",
                "Look up where a helpdesk case stands.",
            ),
            slots=(_TICKET_ID,),
            queries=(
                "What's the status of {ticket_id}?",
                "Look up ticket {ticket_id}.",
                "Any update on {ticket_id}?",
                "status {ticket_id}",
                "I opened {ticket_id} last week and haven't heard back; where is it at?",
                "Could you please check ticket {ticket_id} for me?",
                "Show me the details of case {ticket_id}.",
                "Has {ticket_id} been resolved yet?",
            ),
        ),
        Intent(
            names=("update_ticket_priority", "set_ticket_priority", "ticket_priority_change"),
            summaries=(
                "Change the priority of a support ticket.",
                "Raise or lower how urgent a ticket is.",
            ),
            slots=(_TICKET_ID, _PRIORITY),
            queries=(
                "Set {ticket_id} to {priority} priority.",
                "Change the priority of {ticket_id} to {priority}.",
                "Can you bump {ticket_id} to {priority}?",
                "{ticket_id} priority {priority}",
                "The client is escalating; I need {ticket_id} marked {priority}.",
                "Could you please make {ticket_id} {priority} priority?",
                "Update priority on ticket {ticket_id}: {priority}.",
                "Mark case {ticket_id} as {priority}.",
            ),
        ),
        Intent(
            names=(
                "add_ticket_comment",
                "reply_to_support_ticket",
                "ticket_comment_post",
                "ticket_note_add",
            ),
            summaries=(
                "Add a comment to a support ticket.",
                "Post a reply or an internal note on a ticket.",
            ),
            slots=(
                _TICKET_ID,
                Slot(
                    "comment",
                    "text",
                    "Text of the comment.",
                    names=("comment", "body", "note"),
                    examples=(
                        "Customer confirmed the fix works",
                        "Waiting on logs from the client",
                        "Reproduced on version 4.2",
                        "Sent a replacement part by courier",
                        "Password reset link resent",
                    ),
                ),
                Slot(
                    "internal",
                    "boolean",
                    "Keep the comment visible to agents only.",
                    names=("internal", "is_private", "agents_only"),
                    required=False,
                    default=False,
                    phrases=("as an internal note", "visible to agents only"),
                ),
            ),
            queries=(
                'Add "{comment}" to {ticket_id} {internal}.',
                "Comment on ticket {ticket_id}: {comment}",
                'Can you note "{comment}" on {ticket_id} {internal}?',
                "{ticket_id} note: {comment}",
                'I want to update {ticket_id} with "{comment}".',
                'Could you please reply on case {ticket_id} saying "{comment}"?',
                'Post "{comment}" on {ticket_id} {internal}.',
                'Log "{comment}" against {ticket_id}.',
            ),
        ),
        Intent(
            names=("assign_support_ticket", "ticket_assign_agent", "route_ticket_to_agent"),
            summaries=(
                "Assign a support ticket to an agent.",
                "Hand a ticket over to another person's queue.",
            ),
            slots=(
                _TICKET_ID,
                Slot(
                    "assignee",
                    "email",
                    "Email of the agent who takes the ticket.",
                    names=("assignee", "agent_email", "assign_to"),
                ),
            ),
            queries=(
                "Assign {ticket_id} to {assignee}.",
                "Give ticket {ticket_id} to {assignee}.",
                "Can {assignee} take {ticket_id}?",
                "assign {ticket_id} {assignee}",
                "{assignee} knows billing best, so route {ticket_id} to them.",
                "Could you please reassign case {ticket_id} to {assignee}?",
                "I need {ticket_id} in the queue of {assignee}.",
                "Hand {ticket_id} over to {assignee}.",
            ),
        ),
        Intent(
            names=(
                "close_support_ticket",
                "resolve_support_ticket",
                "ticket_close",
                "mark_ticket_resolved",
            ),
            summaries=(
                "Close a support ticket as resolved.",
                "Resolve a ticket, with an optional resolution note.",
            ),
            slots=(
                _TICKET_ID,
                Slot(
                    "resolution",
                    "text",
                    "How the problem was solved.",
                    names=("resolution", "resolution_note", "summary"),
                    required=False,
                    examples=(
                        "Reset the user's password",
                        "Duplicate of an earlier ticket",
                        "Fixed in release 3.8",
                        "Customer no longer needs help",
                        "Replaced a faulty network cable",
                    ),
                ),
                Slot(
                    "notify_customer",
                    "boolean",
                    "Email the customer that the ticket is closed.",
                    names=("notify_customer", "send_notification", "notify_requester"),
                    required=False,
                    default=False,
                    phrases=("and let the customer know", "and email the requester"),
                ),
            ),
            queries=(
                "Close {ticket_id} {notify_customer}.",
                'Resolve ticket {ticket_id} with the note "{resolution}".',
                "Can you mark {ticket_id} as solved?",
                'close {ticket_id} "{resolution}"',
                "{ticket_id} is done: {resolution}. Please close it {notify_customer}.",
                "Could you please close case {ticket_id} {notify_customer}?",
                'I fixed {ticket_id}; record "{resolution}" and close it.',
                "Mark {ticket_id} resolved.",
            ),
        ),
        Intent(
            names=(
                "search_support_tickets",
                "list_helpdesk_tickets",
                "ticket_search",
                "find_customer_tickets",
            ),
            summaries=(
                "Search support tickets by status, customer or date.",
                "List helpdesk tickets matching filters.",
            ),
            slots=(
                Slot(
                    "status",
                    "enum",
                    "Only tickets in this state.",
                    names=("status", "state", "ticket_status"),
                    required=False,
                    choices=("open", "pending", "solved", "closed"),
                    aliases={
                        "open": ("new",),
                        "pending": ("waiting",),
                        "solved": ("resolved",),
                    },
                ),
                _CUSTOMER_EMAIL,
                Slot(
                    "created_after",
                    "date",
                    "Only tickets opened on or after this date.",
                    names=("created_after", "since", "opened_after"),
                    required=False,
                ),
            ),
            queries=(
                "List {status} tickets.",
                "Show tickets from {customer_email}.",
                "Find all {status} cases opened since {created_after}.",
                "tickets {customer_email} {status}",
                "I need every ticket {customer_email} has raised since {created_after}.",
                "Could you please pull up our support tickets?",
                "How many {status} tickets do we have?",
                "Search tickets created after {created_after}.",
            ),
        ),
        Intent(
            names=("escalate_support_ticket", "ticket_escalate", "raise_ticket_tier"),
            summaries=(
                "Escalate a support ticket to a higher tier.",
                "Send a ticket up the support chain with a reason.",
            ),
            slots=(
                _TICKET_ID,
                Slot(
                    "reason",
                    "text",
                    "Why the ticket is escalated.",
                    names=("reason", "justification", "escalation_reason"),
                    examples=(
                        "Customer is threatening to cancel",
                        "Outage affects all users",
                        "No response for three days",
                        "Requires engineering access",
                        "Legal team is involved",
                    ),
                ),
                Slot(
                    "tier",
                    "integer",
                    "Support tier to escalate to.",
                    names=("tier", "level", "escalation_level"),
                    required=False,
                    default=2,
                    minimum=2,
                    maximum=4,
                ),
            ),
            queries=(
                "Escalate {ticket_id}: {reason}.",
                "Push ticket {ticket_id} to tier {tier}, reason: {reason}.",
                "Can you escalate {ticket_id}? {reason}.",
                'escalate {ticket_id} tier {tier} "{reason}"',
                "{reason}, so I need {ticket_id} escalated to level {tier}.",
                "Could you please send {ticket_id} up to tier {tier}? Reason: {reason}.",
                "Raise {ticket_id} to the next level. Reason: {reason}.",
                "Escalation needed on {ticket_id} ({reason}).",
            ),
        ),
    ),
)

HR_AND_LEAVE = Domain(
    "hr_and_leave",
    (
        Intent(
            names=(
                "request_time_off",
                "submit_leave_request",
                "leave_request_create",
                "book_annual_leave",
            ),
            summaries=(
                "Request time off for a date range.",
                "Submit a leave request of a given type to the HR system.",
            ),
            slots=(
                _LEAVE_TYPE,
                _START_DATE,
                _END_DATE,
                Slot(
                    "note",
                    "text",
                    "Comment for the approver.",
                    names=("note", "comment", "reason"),
                    required=False,
                    examples=(
                        "Family wedding abroad",
                        "Moving house",
                        "Recovering after surgery",
                        "Visiting my parents",
                        "Coverage arranged with my team",
                    ),
                ),
            ),
            queries=(
                "Request {leave_type} leave from {start_date} to {end_date}.",
                "Book {leave_type} leave for {start_date} through {end_date}, note: {note}.",
                "Can I take {leave_type} leave from {start_date} until {end_date}?",
                "{leave_type} leave {start_date} - {end_date}",
                "I need to be off from {start_date} to {end_date} on {leave_type} leave; "
                "reason: {note}.",
                "Could you please file my {leave_type} leave request from {start_date} "
                "to {end_date}?",
                "My manager approved {leave_type} leave for me between {start_date} and "
                "{end_date}; please log it.",
                'Put in {leave_type} leave {start_date} to {end_date} with the comment "{note}".',
            ),
        ),
        Intent(
            names=(
                "get_leave_balance",
                "check_pto_balance",
                "leave_balance_lookup",
                "remaining_vacation_days",
            ),
            summaries=(
                "Get the remaining leave days of the employee.",
                "Check how much time off is left, optionally projected to a date.",
            ),
            slots=(
                _LEAVE_TYPE_OPT,
                Slot(
                    "as_of",
                    "date",
                    "Date to project the balance to (today when omitted).",
                    names=("as_of", "as_of_date", "on_date"),
                    required=False,
                ),
            ),
            queries=(
                "How many days of {leave_type} leave do I have left?",
                "Check my leave balance.",
                "What will my {leave_type} leave balance be on {as_of}?",
                "balance {leave_type} leave {as_of}",
                "I want to plan a trip; how much time off do I have left?",
                "Could you please show my {leave_type} leave balance?",
                "How many leave days will I have by {as_of}?",
                "How much {leave_type} leave can I still take?",
            ),
        ),
        Intent(
            names=("cancel_leave_request", "withdraw_time_off", "leave_request_cancel"),
            summaries=(
                "Cancel a pending or approved leave request.",
                "Withdraw a time-off booking.",
            ),
            slots=(_LEAVE_REQUEST_ID,),
            queries=(
                "Cancel leave request {request_id}.",
                "Withdraw my time-off request {request_id}.",
                "Can you cancel {request_id}? My plans changed.",
                "cancel {request_id}",
                "I won't be travelling after all, so please drop {request_id}.",
                "Could you please retract the leave request {request_id}?",
                "Delete time-off booking {request_id}.",
                "Undo {request_id}, I am working those days now.",
            ),
        ),
        Intent(
            names=(
                "review_leave_request",
                "approve_time_off_request",
                "leave_request_decision",
            ),
            summaries=(
                "Approve or reject an employee's leave request.",
                "Record a manager's decision on a time-off request.",
            ),
            slots=(
                _LEAVE_REQUEST_ID,
                Slot(
                    "decision",
                    "enum",
                    "Whether the request is approved.",
                    names=("decision", "action", "outcome"),
                    choices=("approve", "reject"),
                    aliases={"approve": ("accept",), "reject": ("decline", "deny")},
                ),
                Slot(
                    "comment",
                    "text",
                    "Message to the employee.",
                    names=("comment", "note", "message"),
                    required=False,
                    examples=(
                        "Enjoy your break",
                        "Too many people are out that week",
                        "Please hand over your tasks first",
                        "Approved as discussed",
                        "It conflicts with the product launch",
                    ),
                ),
            ),
            queries=(
                "Please {decision} leave request {request_id}.",
                'I want to {decision} {request_id} with the comment "{comment}".',
                "Can you {decision} time-off request {request_id}?",
                "leave {request_id} {decision}",
                'As the manager, I {decision} request {request_id}: "{comment}"',
                'Could you please {decision} {request_id} and add "{comment}"?',
                "Go ahead and {decision} the request {request_id}.",
                'For {request_id}: {decision}. Note to the employee: "{comment}".',
            ),
        ),
        Intent(
            names=(
                "submit_timesheet",
                "log_work_hours",
                "timesheet_entry_create",
                "record_project_hours",
            ),
            summaries=(
                "Log hours worked on a project.",
                "Add a timesheet entry against a project code.",
            ),
            slots=(
                Slot(
                    "project_code",
                    "identifier",
                    "Code of the project the hours go to.",
                    names=("project_code", "project_id", "cost_center"),
                    examples=("PRJ-2041", "PRJ-3318", "PRJ-1175", "PRJ-5602", "PRJ-7789"),
                ),
                Slot(
                    "hours",
                    "number",
                    "Hours worked.",
                    names=("hours", "hours_worked", "duration_hours"),
                    minimum=0.5,
                    maximum=12,
                ),
                Slot(
                    "date",
                    "date",
                    "Day the work was done (today when omitted).",
                    names=("date", "work_date", "day"),
                    required=False,
                ),
            ),
            queries=(
                "Log {hours} hours to {project_code}.",
                "Record {hours} hours on {project_code} for {date}.",
                "Can you add {hours} hours against {project_code}?",
                "timesheet {project_code} {hours} hours {date}",
                "I worked {hours} hours on {project_code} on {date}; please enter it.",
                "Could you please book {hours} hours to project {project_code}?",
                "Put {hours} hours on {project_code} for {date} in my timesheet.",
                "Bill {hours} hours to {project_code}.",
            ),
        ),
        Intent(
            names=(
                "get_payslip_document",
                "download_salary_statement",
                "payslip_fetch",
                "view_pay_stub",
            ),
            summaries=(
                "Get the employee's payslip for a month.",
                "Download a salary statement.",
            ),
            slots=(
                Slot(
                    "month",
                    "enum",
                    "Month of the payslip.",
                    names=("month", "pay_month", "period"),
                    choices=(
                        "january",
                        "february",
                        "march",
                        "april",
                        "may",
                        "june",
                        "july",
                        "august",
                        "september",
                        "october",
                        "november",
                        "december",
                    ),
                    aliases={
                        "january": ("January", "Jan"),
                        "february": ("February", "Feb"),
                        "march": ("March",),
                        "april": ("April",),
                        "may": ("May",),
                        "june": ("June",),
                        "july": ("July",),
                        "august": ("August", "Aug"),
                        "september": ("September", "Sept"),
                        "october": ("October", "Oct"),
                        "november": ("November", "Nov"),
                        "december": ("December", "Dec"),
                    },
                ),
                Slot(
                    "file_format",
                    "enum",
                    "Format of the statement.",
                    names=("file_format", "format", "output"),
                    required=False,
                    default="pdf",
                    choices=("pdf", "html"),
                    aliases={"pdf": ("PDF",), "html": ("HTML", "web page")},
                ),
            ),
            queries=(
                "Show my payslip for {month}.",
                "Download the {month} pay stub as {file_format}.",
                "Can I see my salary statement for {month}?",
                "payslip {month} {file_format}",
                "I need my {month} payslip for a mortgage application.",
                "Could you please fetch the payslip from {month} in {file_format}?",
                "Where is my pay stub for {month}?",
                "Send me my {month} pay slip.",
            ),
        ),
        Intent(
            names=(
                "lookup_employee_directory",
                "find_colleague",
                "staff_directory_search",
                "get_employee_contact",
            ),
            summaries=(
                "Look up a colleague in the company directory.",
                "Find an employee's contact details, team and location.",
            ),
            slots=(
                Slot(
                    "employee",
                    "person",
                    "Full name of the employee.",
                    names=("name", "employee_name", "full_name"),
                ),
                Slot(
                    "department",
                    "text",
                    "Department to narrow the search.",
                    names=("department", "team", "org_unit"),
                    required=False,
                    examples=(
                        "Finance",
                        "Engineering",
                        "Human Resources",
                        "Legal",
                        "Customer Success",
                    ),
                ),
            ),
            queries=(
                "Find {employee} in the staff directory.",
                "Who is {employee} in {department}?",
                "What's the phone extension of {employee}?",
                "directory {employee}",
                "I have a meeting with {employee} from {department} and need their "
                "contact details.",
                "Could you please look up {employee}?",
                "Where does {employee} sit?",
                "Get the email of {employee} in {department}.",
            ),
        ),
        Intent(
            names=(
                "list_company_holidays",
                "office_holiday_schedule",
                "get_corporate_holiday_calendar",
            ),
            summaries=(
                "List the upcoming company holidays.",
                "Show the days the offices are closed, by country.",
            ),
            slots=(
                Slot(
                    "country",
                    "country",
                    "Country of the office (the employee's own when omitted).",
                    names=("country", "office_country", "region"),
                    required=False,
                ),
                Slot(
                    "count",
                    "integer",
                    "How many upcoming holidays to list.",
                    names=("count", "limit", "next_n"),
                    required=False,
                    default=5,
                    minimum=1,
                    maximum=20,
                ),
            ),
            queries=(
                "List the company holidays.",
                "What are the next {count} days the office is closed?",
                "Show the holiday calendar for our {country} office.",
                "holidays {country} next {count}",
                "I am planning my leave; what are the next {count} public holidays in {country}?",
                "Could you please tell me the upcoming office holidays?",
                "When are the bank holidays this year?",
                "What holidays does the {country} team get?",
            ),
        ),
    ),
)

JOB_SEARCH = Domain(
    "job_search",
    (
        Intent(
            names=(
                "search_job_listings",
                "find_job_openings",
                "job_board_search",
                "lookup_vacancies",
            ),
            summaries=(
                "Search job listings by title and location.",
                "Find open positions, optionally remote or above a salary.",
            ),
            slots=(
                _JOB_TITLE,
                _JOB_CITY,
                Slot(
                    "remote_only",
                    "boolean",
                    "Only fully remote positions.",
                    names=("remote_only", "remote", "is_remote"),
                    required=False,
                    default=False,
                    phrases=("that are fully remote", "remote only"),
                ),
                Slot(
                    "min_salary",
                    "integer",
                    "Lowest yearly salary to include.",
                    names=("min_salary", "salary_min", "minimum_pay"),
                    required=False,
                    minimum=20000,
                    maximum=300000,
                ),
            ),
            queries=(
                "Find {job_title} jobs in {city}.",
                "Search for {job_title} openings paying at least {min_salary}.",
                "Are there any {job_title} positions {remote_only}?",
                "{job_title} jobs {city} {remote_only}",
                "I'm looking for work as a {job_title} in {city}.",
                "Could you please show {job_title} vacancies with a salary above {min_salary}?",
                "List {job_title} roles {remote_only}.",
                "Any openings for a {job_title} near {city} that pay over {min_salary}?",
                "Job search: {job_title}",
            ),
        ),
        Intent(
            names=(
                "get_job_posting",
                "job_listing_details",
                "fetch_vacancy_info",
                "view_job_description",
            ),
            summaries=(
                "Get the full details of a job posting.",
                "Read the description, requirements and salary of a vacancy.",
            ),
            slots=(_JOB_ID,),
            queries=(
                "Show me job {job_id}.",
                "What are the requirements for {job_id}?",
                "Can you open the posting {job_id}?",
                "job {job_id}",
                "I saw listing {job_id} earlier and want the full description.",
                "Could you please get the details of vacancy {job_id}?",
                "How much does {job_id} pay?",
                "Tell me more about the {job_id} position.",
            ),
        ),
        Intent(
            names=(
                "apply_to_job",
                "submit_job_application",
                "job_application_send",
                "apply_for_position",
            ),
            summaries=(
                "Apply to a job posting with a resume.",
                "Send an application, optionally with a cover letter.",
            ),
            slots=(
                _JOB_ID,
                Slot(
                    "resume",
                    "file_path",
                    "Path of the resume file.",
                    names=("resume", "resume_path", "cv_file"),
                ),
                Slot(
                    "cover_letter",
                    "text",
                    "Text of the cover letter.",
                    names=("cover_letter", "cover_note", "message"),
                    required=False,
                    examples=(
                        "I have five years of experience in retail analytics",
                        "I am excited to bring my design skills to your team",
                        "My background in logistics fits this role well",
                        "I recently completed a data science bootcamp",
                        "I led a team of twelve engineers at my last job",
                    ),
                ),
            ),
            queries=(
                "Apply to {job_id} with my resume at {resume}.",
                "Submit an application for {job_id} using {resume} and the cover letter "
                '"{cover_letter}".',
                "Can you send my CV {resume} to posting {job_id}?",
                "apply {job_id} {resume}",
                "I want to apply for {job_id}; my resume is {resume}.",
                "Could you please apply to listing {job_id} with {resume}, adding "
                '"{cover_letter}" as the cover note?',
                "Send {resume} for job {job_id}.",
                'Use {resume} to apply to {job_id}, cover letter: "{cover_letter}"',
            ),
        ),
        Intent(
            names=("save_job_posting", "bookmark_job_listing", "job_save_for_later"),
            summaries=(
                "Save a job posting to look at later.",
                "Bookmark a vacancy in the saved jobs list.",
            ),
            slots=(_JOB_ID,),
            queries=(
                "Save job {job_id}.",
                "Bookmark {job_id} for later.",
                "Can you add {job_id} to my saved jobs?",
                "save {job_id}",
                "I like posting {job_id}, keep it on my list.",
                "Could you please bookmark the listing {job_id}?",
                "Remember {job_id} for me.",
                "Put {job_id} on my shortlist.",
            ),
        ),
        Intent(
            names=(
                "get_application_status",
                "job_application_status",
                "check_application_progress",
                "track_job_application",
            ),
            summaries=(
                "Check the status of a job application.",
                "See where an application stands in the hiring process.",
            ),
            slots=(_APPLICATION_ID,),
            queries=(
                "What's the status of application {application_id}?",
                "Track {application_id}.",
                "Did they look at my application {application_id} yet?",
                "application {application_id}",
                "I applied weeks ago ({application_id}) and heard nothing; any news?",
                "Could you please check on application {application_id}?",
                "Has {application_id} moved to the interview stage?",
                "Where does {application_id} stand?",
            ),
        ),
        Intent(
            names=("create_job_alert", "job_alert_subscribe", "set_vacancy_notification"),
            summaries=(
                "Get notified about new job postings that match.",
                "Subscribe to alerts for a job title and location.",
            ),
            slots=(
                _JOB_TITLE,
                _JOB_CITY,
                Slot(
                    "frequency",
                    "enum",
                    "How often to send alerts.",
                    names=("frequency", "interval", "schedule"),
                    required=False,
                    default="daily",
                    choices=("daily", "weekly"),
                    aliases={"daily": ("every day",), "weekly": ("once a week", "every week")},
                ),
            ),
            queries=(
                "Alert me about new {job_title} jobs.",
                "Set up a {frequency} alert for {job_title} roles in {city}.",
                "Can you notify me {frequency} when {job_title} jobs show up?",
                "job alert {job_title} {city} {frequency}",
                "I want to hear about {job_title} openings in {city}.",
                "Could you please email me {job_title} postings {frequency}?",
                "Keep me posted on {job_title} vacancies.",
                "Subscribe me to {job_title} jobs near {city}.",
            ),
        ),
        Intent(
            names=("estimate_salary_range", "salary_benchmark_lookup", "get_market_pay_rate"),
            summaries=(
                "Estimate the typical salary for a job in a city.",
                "Benchmark pay for a role by location and experience.",
            ),
            slots=(
                _JOB_TITLE,
                Slot("city", "city", "City of the job.", names=("location", "city", "metro_area")),
                Slot(
                    "years_experience",
                    "integer",
                    "Years of experience in the role.",
                    names=("years_experience", "experience_years", "seniority_years"),
                    required=False,
                    minimum=0,
                    maximum=40,
                ),
            ),
            queries=(
                "What does a {job_title} earn in {city}?",
                "Salary range for {job_title} in {city} with {years_experience} years "
                "of experience.",
                "How much should I ask for as a {job_title} in {city}?",
                "pay {job_title} {city}",
                "I have {years_experience} years as a {job_title} and an offer in {city}; "
                "what is the market rate?",
                "Could you please estimate the pay for a {job_title} in {city}?",
                "Typical {job_title} salary, {city}, {years_experience} years",
                "Benchmark {job_title} pay in {city}.",
            ),
        ),
        Intent(
            names=(
                "schedule_job_interview",
                "book_interview_slot",
                "interview_schedule_create",
            ),
            summaries=(
                "Book an interview time for a job application.",
                "Confirm an interview date and time with the recruiter.",
            ),
            slots=(
                _APPLICATION_ID,
                Slot("date", "date", "Day of the interview.", names=("date", "interview_date")),
                Slot(
                    "time",
                    "time",
                    "Start time of the interview.",
                    names=("time", "start_time", "interview_time"),
                ),
                Slot(
                    "interview_format",
                    "enum",
                    "How the interview takes place.",
                    names=("format", "interview_type", "mode"),
                    required=False,
                    default="video",
                    choices=("video", "phone", "onsite"),
                    aliases={"onsite": ("on-site", "in-person")},
                ),
            ),
            queries=(
                "Schedule my interview for {application_id} on {date} at {time}.",
                "Book the {interview_format} interview for application {application_id}: "
                "{date}, {time}.",
                "Can you set up the interview for {application_id} on {date} at {time}?",
                "interview {application_id} {date} {time}",
                "The recruiter offered {date} at {time} for {application_id}; please confirm it.",
                "Could you please book {date} at {time} for my {interview_format} interview "
                "on {application_id}?",
                "I can do {date} at {time} for the {application_id} interview.",
                "Lock in {date}, {time} for the {interview_format} interview, application "
                "{application_id}.",
            ),
        ),
    ),
)

DATABASES = Domain(
    "databases",
    (
        Intent(
            names=(
                "run_sql_query",
                "execute_database_query",
                "db_query_execute",
                "sql_run_statement",
            ),
            summaries=(
                "Run an SQL statement against a database.",
                "Execute a query and return the resulting rows.",
            ),
            slots=(
                _DATABASE,
                Slot(
                    "sql",
                    "text",
                    "The SQL statement.",
                    names=("query", "sql", "statement"),
                    examples=(
                        "SELECT COUNT(*) FROM orders WHERE status = 'shipped'",
                        "SELECT name, email FROM customers LIMIT 10",
                        "SELECT region, SUM(total) FROM sales GROUP BY region",
                        "UPDATE users SET active = false WHERE last_login < '2023-01-01'",
                        "SELECT * FROM invoices WHERE amount > 1000",
                    ),
                ),
                Slot(
                    "max_rows",
                    "integer",
                    "Most rows to return.",
                    names=("max_rows", "limit", "row_limit"),
                    required=False,
                    default=100,
                    minimum=1,
                    maximum=10000,
                ),
                Slot(
                    "read_only",
                    "boolean",
                    "Run in a read-only transaction.",
                    names=("read_only", "readonly", "no_writes"),
                    required=False,
                    default=False,
                    phrases=("in read-only mode", "without allowing writes"),
                ),
            ),
            queries=(
                "Run `{sql}` on {database}.",
                "Execute this query against {database}: {sql}",
                "Can you run {sql} in {database} and return at most {max_rows} rows?",
                "{database}> {sql}",
                'I need the results of "{sql}" from {database} {read_only}.',
                "Could you please execute `{sql}` on the {database} database {read_only}?",
                "Query {database} with: {sql} (limit {max_rows})",
                "My analyst wants `{sql}` run on {database}.",
            ),
        ),
        Intent(
            names=("list_database_tables", "show_db_tables", "get_table_list"),
            summaries=(
                "List the tables of a database.",
                "Show which tables exist, optionally in one schema.",
            ),
            slots=(
                _DATABASE,
                Slot(
                    "schema",
                    "text",
                    "Schema to list (every schema when omitted).",
                    names=("schema", "schema_name", "namespace"),
                    required=False,
                    examples=("public", "sales", "staging", "reporting", "audit"),
                ),
            ),
            queries=(
                "List the tables in {database}.",
                "What tables are in the {schema} schema of {database}?",
                "Show tables for {database}.",
                "tables {database} {schema}",
                "I am new to {database}; which tables does it have?",
                "Could you please list every table under {schema} in {database}?",
                "Give me the table names in {database}.",
                "What does {database} contain in the {schema} schema?",
            ),
        ),
        Intent(
            names=(
                "describe_table_schema",
                "get_table_columns",
                "db_table_describe",
                "inspect_table_structure",
            ),
            summaries=(
                "Describe the columns and types of a table.",
                "Show the structure of a database table.",
            ),
            slots=(_DATABASE, _TABLE),
            queries=(
                "Describe {table} in {database}.",
                "What columns does the {table} table in {database} have?",
                "Show me the schema of {table} on {database}.",
                "desc {database} {table}",
                "I am writing a report on {table}; what fields are in it ({database})?",
                "Could you please list the columns and types of {table} in {database}?",
                "Structure of {database} {table}?",
                "How is {table} laid out in the {database} database?",
            ),
        ),
        Intent(
            names=(
                "create_database_backup",
                "backup_database",
                "db_snapshot_create",
                "dump_database",
            ),
            summaries=(
                "Back up a database.",
                "Take a snapshot of a database, optionally compressed and labelled.",
            ),
            slots=(
                _DATABASE,
                Slot(
                    "compress",
                    "boolean",
                    "Compress the backup file.",
                    names=("compress", "gzip", "compressed"),
                    required=False,
                    default=False,
                    phrases=("compressed", "with compression"),
                ),
                Slot(
                    "label",
                    "text",
                    "Name to tag the backup with.",
                    names=("label", "backup_name", "tag"),
                    required=False,
                    examples=(
                        "before-migration",
                        "nightly",
                        "pre-release-2.4",
                        "end-of-quarter",
                        "manual-check",
                    ),
                ),
            ),
            queries=(
                "Back up {database} {compress}.",
                "Take a snapshot of {database} labelled {label}.",
                "Can you create a backup of {database}?",
                "backup {database} {label}",
                "We are about to migrate; I need a backup of {database} called {label} {compress}.",
                "Could you please dump {database} {compress}?",
                "Snapshot {database} now.",
                "Make a {label} backup of {database}.",
            ),
        ),
        Intent(
            names=("restore_database_backup", "db_restore_snapshot", "database_restore"),
            summaries=(
                "Restore a database from a backup.",
                "Load a snapshot back into a database or into a new copy.",
            ),
            slots=(
                _DATABASE,
                Slot(
                    "backup_id",
                    "identifier",
                    "ID of the backup to restore.",
                    names=("backup_id", "snapshot_id", "backup"),
                    examples=("BKP-20417", "BKP-88312", "BKP-51096", "BKP-37724", "BKP-64081"),
                ),
                Slot(
                    "target_database",
                    "text",
                    "Restore into this new database instead of overwriting.",
                    names=("target_database", "restore_as", "new_name"),
                    required=False,
                    examples=(
                        "orders_db_restore",
                        "analytics_copy",
                        "billing_test",
                        "crm_recovered",
                        "inventory_sandbox",
                    ),
                ),
            ),
            queries=(
                "Restore {database} from backup {backup_id}.",
                "Roll {database} back to snapshot {backup_id}.",
                "Can you restore {backup_id} of {database} into a new database called "
                "{target_database}?",
                "restore {database} {backup_id}",
                "Someone dropped a table in {database}; I need {backup_id} restored.",
                "Could you please load backup {backup_id} for {database} as {target_database}?",
                "Bring {database} back from {backup_id}.",
                "Recover {database} using {backup_id} into {target_database}.",
            ),
        ),
        Intent(
            names=(
                "export_table_data",
                "db_table_export",
                "dump_table_to_file",
                "table_export_file",
            ),
            summaries=(
                "Export the rows of a table to a file.",
                "Dump a table as CSV, JSON or Parquet.",
            ),
            slots=(
                _DATABASE,
                _TABLE,
                Slot(
                    "format",
                    "enum",
                    "File format.",
                    names=("format", "file_format", "export_format"),
                    required=False,
                    default="csv",
                    choices=("csv", "json", "parquet"),
                    aliases={"csv": ("CSV",), "json": ("JSON",), "parquet": ("Parquet",)},
                ),
                Slot(
                    "output_path",
                    "file_path",
                    "Where to write the file.",
                    names=("output_path", "destination", "file"),
                    required=False,
                ),
            ),
            queries=(
                "Export {table} from {database} to {format}.",
                "Dump the {table} table in {database} to {output_path}.",
                "Can you export {table} of {database} as {format} into {output_path}?",
                "export {database} {table} {format}",
                "I need {table} from {database} as a file for the auditors.",
                "Could you please save the {table} table of {database} to {output_path}?",
                "Give me {table} ({database}) in {format}.",
                "Write {database} {table} out to {output_path} as {format}.",
            ),
        ),
        Intent(
            names=("grant_database_access", "create_db_user_role", "db_permission_grant"),
            summaries=(
                "Grant a user access to a database.",
                "Give a database account read, write or admin rights.",
            ),
            slots=(
                _DATABASE,
                Slot(
                    "username",
                    "text",
                    "Database user to grant access to.",
                    names=("username", "user", "db_user"),
                    examples=("report_reader", "etl_service", "jsmith", "analytics_bot", "mlopez"),
                ),
                Slot(
                    "role",
                    "enum",
                    "Level of access.",
                    names=("role", "access_level", "privilege"),
                    choices=("reader", "writer", "admin"),
                    aliases={
                        "reader": ("read-only", "read"),
                        "writer": ("read-write", "write"),
                        "admin": ("full admin",),
                    },
                ),
            ),
            queries=(
                "Give {username} {role} access to {database}.",
                "Grant {role} access on {database} to {username}.",
                "Can {username} get {role} access to {database}?",
                "grant {username} {role} {database}",
                "Our new analyst {username} needs {role} access on {database}.",
                "Could you please set up {username} with {role} rights on {database}?",
                "Add {username} to {database} with {role} rights.",
                "I want {username} to have {role} access to {database}.",
            ),
        ),
        Intent(
            names=("count_table_rows", "get_table_row_count", "table_size_lookup"),
            summaries=(
                "Count the rows of a table.",
                "Report how many records a table holds.",
            ),
            slots=(_DATABASE, _TABLE),
            queries=(
                "How many rows are in {table} in {database}?",
                "Count the records of {table} on {database}.",
                "Can you tell me how big the {table} table in {database} is?",
                "count {database} {table}",
                "I need the row count of {table} ({database}) for the weekly report.",
                "Could you please count the entries in {table} of {database}?",
                "Number of records in {database} {table}?",
                "Get the size of {table} in {database}.",
            ),
        ),
    ),
)

TRANSLATION = Domain(
    "translation",
    (
        Intent(
            names=(
                "translate_passage",
                "text_translate",
                "translate_phrase",
                "get_text_translation",
            ),
            summaries=(
                "Translate text into another language.",
                "Render a sentence in a target language, optionally in a formal register.",
            ),
            slots=(
                Slot(
                    "text",
                    "text",
                    "The text to translate.",
                    names=("text", "source_text", "content"),
                    examples=(
                        "Where is the nearest train station",
                        "The meeting has been moved to Thursday",
                        "Thank you for your quick reply",
                        "Please keep this document confidential",
                        "Our office will be closed on Monday",
                        "I would like to book a table for four",
                    ),
                ),
                _TARGET_LANGUAGE,
                _SOURCE_LANGUAGE,
                Slot(
                    "formal",
                    "boolean",
                    "Use the formal register.",
                    names=("formal", "formal_tone", "polite_form"),
                    required=False,
                    default=False,
                    phrases=("in a formal tone", "using the polite form"),
                ),
            ),
            queries=(
                'Translate "{text}" into {target_language}.',
                'How do you say "{text}" in {target_language}?',
                'Translate "{text}" from {source_language} to {target_language} {formal}.',
                "{text} -> {target_language}",
                'For a client email, I need "{text}" in {target_language} {formal}.',
                "Could you please translate this {source_language} sentence into "
                '{target_language}: "{text}"?',
                'What is "{text}" in {target_language}?',
                'Put "{text}" into {target_language} {formal}.',
                'My colleague only reads {target_language}; translate "{text}" for her.',
            ),
        ),
        Intent(
            names=(
                "detect_language",
                "identify_text_language",
                "language_detect",
                "guess_language_of_text",
            ),
            summaries=(
                "Detect which language a text is written in.",
                "Identify the language of a short passage.",
            ),
            slots=(
                Slot(
                    "text",
                    "text",
                    "The text to examine.",
                    names=("text", "sample", "input_text"),
                    examples=(
                        "Bonjour, comment allez-vous",
                        "Wo ist der Bahnhof",
                        "Gracias por tu ayuda",
                        "Ci vediamo domani",
                        "Obrigado pela informação",
                        "Dank je wel voor alles",
                    ),
                ),
            ),
            queries=(
                'What language is "{text}"?',
                'Detect the language of "{text}".',
                "Can you tell which language this is: {text}",
                "lang? {text}",
                'I got a message saying "{text}" and have no idea what language it is.',
                'Could you please identify the language of "{text}"?',
                'Which language is "{text}" written in?',
                'Identify: "{text}"',
            ),
        ),
        Intent(
            names=(
                "translate_document_file",
                "document_translate",
                "translate_file_contents",
                "file_translation_request",
            ),
            summaries=(
                "Machine-translate a document file.",
                "Translate a file into another language, optionally keeping its layout.",
            ),
            slots=(
                _PATH,
                _TARGET_LANGUAGE,
                _SOURCE_LANGUAGE,
                Slot(
                    "preserve_formatting",
                    "boolean",
                    "Keep the original layout and styles.",
                    names=("preserve_formatting", "keep_layout", "keep_formatting"),
                    required=False,
                    default=False,
                    phrases=("keeping the original layout", "and preserve the formatting"),
                ),
            ),
            queries=(
                "Translate {path} into {target_language}.",
                "Translate the file {path} from {source_language} to {target_language} "
                "{preserve_formatting}.",
                "Can you get {path} translated into {target_language}?",
                "{path} to {target_language} {preserve_formatting}",
                "Our partner needs {path} in {target_language}.",
                "Could you please translate document {path} to {target_language} "
                "{preserve_formatting}?",
                "Make a {target_language} version of {path}.",
                "I have a {source_language} contract at {path}; translate it into "
                "{target_language}.",
            ),
        ),
        Intent(
            names=(
                "bilingual_dictionary_lookup",
                "get_word_translations",
                "dictionary_translate_word",
            ),
            summaries=(
                "Look up a word in a bilingual dictionary.",
                "List the possible translations of a single word.",
            ),
            slots=(
                Slot(
                    "word",
                    "text",
                    "The English word to look up.",
                    names=("word", "term", "headword"),
                    examples=(
                        "serendipity",
                        "deadline",
                        "cozy",
                        "invoice",
                        "negotiate",
                        "spreadsheet",
                    ),
                ),
                _TARGET_LANGUAGE,
                Slot(
                    "part_of_speech",
                    "enum",
                    "Only senses of this word class.",
                    names=("part_of_speech", "pos", "word_class"),
                    required=False,
                    choices=("noun", "verb", "adjective"),
                ),
            ),
            queries=(
                'What are the {target_language} words for "{word}"?',
                'Look up "{word}" in the English-{target_language} dictionary.',
                'How would you translate the {part_of_speech} "{word}" into {target_language}?',
                "dict {word} {target_language}",
                "I keep forgetting the {target_language} word for {word}.",
                "Could you please give me {target_language} equivalents of {word} "
                "used as a {part_of_speech}?",
                "{word} in {target_language}?",
                'Show dictionary entries for "{word}" in {target_language}.',
            ),
        ),
        Intent(
            names=("transliterate_text", "text_transliteration", "convert_text_script"),
            summaries=(
                "Transliterate text into another writing system.",
                "Spell a word written in a foreign script with other letters.",
            ),
            slots=(
                Slot(
                    "text",
                    "text",
                    "Text to transliterate.",
                    names=("text", "input_text", "source_text"),
                    examples=("Москва", "東京", "Αθήνα", "مرحبا", "서울", "Київ"),
                ),
                Slot(
                    "target_script",
                    "enum",
                    "Writing system to use.",
                    names=("target_script", "script", "to_script"),
                    required=False,
                    default="latin",
                    choices=("latin", "cyrillic", "greek"),
                    aliases={
                        "latin": ("Latin", "Roman"),
                        "cyrillic": ("Cyrillic",),
                        "greek": ("Greek",),
                    },
                ),
            ),
            queries=(
                'Transliterate "{text}" into {target_script} letters.',
                'Write "{text}" in the {target_script} alphabet.',
                'How do I spell "{text}" in Latin characters?',
                "translit {text}",
                'I cannot read "{text}"; romanize it for me.',
                'Could you please convert "{text}" to {target_script} script?',
                'Spell out "{text}" in English letters.',
                'What does "{text}" look like in {target_script} script?',
            ),
        ),
        Intent(
            names=("translate_web_page", "webpage_translate", "translate_site_url"),
            summaries=(
                "Translate a web page into another language.",
                "Fetch a page by URL and return it translated.",
            ),
            slots=(
                Slot("url", "url", "Address of the page.", names=("url", "page_url", "link")),
                _TARGET_LANGUAGE,
            ),
            queries=(
                "Translate {url} into {target_language}.",
                "Show me {url} in {target_language}.",
                "Can you read {url} for me in {target_language}?",
                "{url} {target_language}",
                "I can't understand the page at {url}; put it into {target_language}.",
                "Could you please translate the website {url} to {target_language}?",
                "What does {url} say? Give it to me in {target_language}.",
                "Render the page {url} in {target_language}.",
            ),
        ),
        Intent(
            names=(
                "request_professional_translation",
                "order_human_translation",
                "translation_job_order",
            ),
            summaries=(
                "Order a human translation of a document.",
                "Send a file to professional translators for one or more languages.",
            ),
            slots=(
                _PATH,
                Slot(
                    "target_languages",
                    "language",
                    "Languages to translate into.",
                    names=("target_languages", "languages", "to_languages"),
                    many=True,
                ),
                Slot(
                    "due_date",
                    "date",
                    "When the translation is needed.",
                    names=("due_date", "deadline", "needed_by"),
                    required=False,
                ),
                Slot(
                    "certified",
                    "boolean",
                    "Ask for a certified translation for official use.",
                    names=("certified", "sworn", "official"),
                    required=False,
                    default=False,
                    phrases=("as a certified translation", "with certification for official use"),
                ),
            ),
            queries=(
                "Order a professional translation of {path} into {target_languages}.",
                "Send {path} to a translator for {target_languages} by {due_date}.",
                "Can you get {path} translated by a human into {target_languages} {certified}?",
                "human translation {path} {target_languages} {due_date}",
                "Our lawyers need {path} in {target_languages} {certified}.",
                "Could you please book a translator to do {path} in {target_languages}, due "
                "{due_date}?",
                "I need {path} professionally translated to {target_languages}.",
                "Have {path} translated into {target_languages} by {due_date} {certified}.",
            ),
        ),
    ),
)

DOMAINS: tuple[Domain, ...] = (
    EMAIL,
    CHAT_MESSAGING,
    FILES,
    CLOUD_DOCUMENTS,
    IT_OPERATIONS,
    CODE_REPOSITORIES,
    SUPPORT_TICKETS,
    HR_AND_LEAVE,
    JOB_SEARCH,
    DATABASES,
    TRANSLATION,
)
