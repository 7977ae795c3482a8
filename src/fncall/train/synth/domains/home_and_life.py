"""Catalog domains for home and everyday life: weather, home, calendar, hobbies and music."""

from fncall.train.synth.catalog import Domain, Intent, Slot

# ---------------------------------------------------------------------------
# shared slots
# ---------------------------------------------------------------------------

_CITY = Slot("city", "city", "The city to report on.", names=("city", "location", "city_name"))

_TEMP_UNIT = Slot(
    "unit",
    "enum",
    "Temperature unit of the answer.",
    names=("unit", "units", "temperature_unit"),
    required=False,
    default="celsius",
    choices=("celsius", "fahrenheit"),
    aliases={
        "celsius": ("Celsius", "°C", "centigrade", "metric"),
        "fahrenheit": ("Fahrenheit", "°F", "imperial"),
    },
)

_DATE = Slot("date", "date", "The day in question.", names=("date", "day", "on_date"))

_OPTIONAL_DATE = Slot(
    "date",
    "date",
    "The day in question; today when left out.",
    names=("date", "day", "for_date"),
    required=False,
)

_EVENT_ID = Slot(
    "event_id",
    "identifier",
    "Identifier of the calendar event.",
    names=("event_id", "event", "calendar_event_id"),
    examples=("EVT-20931", "EVT-58102", "EVT-73345", "EVT-11876", "EVT-40267", "EVT-96514"),
)

_ATTENDEES = Slot(
    "attendees",
    "email",
    "Email addresses of the people to invite.",
    names=("attendees", "invitees", "guest_emails"),
    many=True,
)

_REMINDER_ID = Slot(
    "reminder_id",
    "identifier",
    "Identifier of the reminder.",
    names=("reminder_id", "reminder", "task_id"),
    examples=("REM-3391", "REM-0724", "REM-8816", "REM-5150", "REM-2609", "REM-4473"),
)

_REMINDER_TEXT = Slot(
    "message",
    "text",
    "What the reminder should say.",
    names=("message", "text", "reminder_text"),
    examples=(
        "take the bins out",
        "call the dentist",
        "pick up the dry cleaning",
        "renew the car insurance",
        "water the balcony plants",
        "pay the electricity bill",
        "book a haircut",
    ),
)

_NOTE_ID = Slot(
    "note_id",
    "identifier",
    "Identifier of the note.",
    names=("note_id", "note", "document_id"),
    examples=("NOTE-7731", "NOTE-1048", "NOTE-5592", "NOTE-3307", "NOTE-8460", "NOTE-2215"),
)

_CONTACT_NAME = Slot(
    "name",
    "person",
    "Full name of the contact.",
    names=("name", "contact_name", "full_name"),
)

_RECIPE_ID = Slot(
    "recipe_id",
    "identifier",
    "Identifier of the recipe.",
    names=("recipe_id", "recipe", "recipe_code"),
    examples=("RCP-10482", "RCP-33917", "RCP-58230", "RCP-71406", "RCP-20855", "RCP-94163"),
)

_SERVINGS = Slot(
    "servings",
    "integer",
    "Number of portions.",
    names=("servings", "portions", "serves"),
    minimum=1,
    maximum=24,
)

_ACTIVITY = Slot(
    "activity",
    "enum",
    "Kind of exercise.",
    names=("activity", "activity_type", "sport"),
    choices=("running", "cycling", "swimming", "walking", "yoga", "strength_training", "rowing"),
    aliases={
        "running": ("running", "jogging"),
        "cycling": ("cycling", "biking"),
        "swimming": ("swimming", "lap swimming"),
        "walking": ("walking", "brisk walking"),
        "yoga": ("yoga",),
        "strength_training": ("strength training", "weightlifting", "weights"),
        "rowing": ("rowing", "indoor rowing"),
    },
)

_DURATION_MINUTES = Slot(
    "duration_minutes",
    "integer",
    "Length of the session in minutes.",
    names=("duration_minutes", "minutes", "duration"),
    minimum=5,
    maximum=300,
)

_PET_NAME = Slot(
    "pet_name",
    "text",
    "Name of the pet.",
    names=("pet_name", "pet", "animal_name"),
    examples=("Biscuit", "Luna", "Captain Whiskers", "Pepper", "Mochi", "Rufus", "Hazel"),
)

_SPECIES = Slot(
    "species",
    "enum",
    "Kind of animal.",
    names=("species", "animal_type", "pet_type"),
    choices=("dog", "cat", "rabbit", "bird", "guinea_pig"),
    aliases={
        "dog": ("dog", "puppy", "pup"),
        "cat": ("cat", "kitten"),
        "rabbit": ("rabbit", "bunny"),
        "bird": ("bird", "parrot", "budgie"),
        "guinea_pig": ("guinea pig", "cavy"),
    },
)

_PLANT = Slot(
    "plant",
    "text",
    "The plant or crop.",
    names=("plant", "plant_name", "crop"),
    examples=(
        "tomatoes",
        "basil",
        "monstera",
        "lavender",
        "courgettes",
        "fiddle-leaf fig",
        "strawberries",
        "hydrangea",
    ),
)

_SONG = Slot(
    "song",
    "text",
    "Title of the song.",
    names=("song", "track", "song_title"),
    examples=(
        "Dancing Queen",
        "Bohemian Rhapsody",
        "Here Comes the Sun",
        "Clair de Lune",
        "Superstition",
        "Blinding Lights",
        "Wonderwall",
    ),
)

_ARTIST = Slot(
    "artist",
    "text",
    "Performing artist or band.",
    names=("artist", "artist_name", "band"),
    required=False,
    examples=("ABBA", "Queen", "The Beatles", "Stevie Wonder", "Norah Jones", "Fleetwood Mac"),
)

_PLAYLIST = Slot(
    "playlist",
    "text",
    "Name of the playlist.",
    names=("playlist", "playlist_name", "list_name"),
    examples=(
        "Sunday Morning",
        "Road Trip 2025",
        "Focus Flow",
        "Kitchen Dance Party",
        "Running Mix",
        "Rainy Day Jazz",
    ),
)

_SHUFFLE = Slot(
    "shuffle",
    "boolean",
    "Play in random order.",
    names=("shuffle", "shuffle_mode", "randomize"),
    required=False,
    default=False,
    phrases=("on shuffle", "shuffled", "in random order"),
)

# ---------------------------------------------------------------------------
# weather
# ---------------------------------------------------------------------------

WEATHER = Domain(
    "weather",
    (
        Intent(
            names=(
                "current_weather_report",
                "current_weather_conditions",
                "fetch_weather_now",
                "weather_now_lookup",
            ),
            summaries=(
                "Get the current weather conditions for a city.",
                "Look up the temperature, wind and sky right now in a given place.",
                "Report what the weather is doing at this moment in a city.",
            ),
            slots=(_CITY, _TEMP_UNIT),
            queries=(
                "What's the weather like in {city} right now?",
                "weather {city}",
                "Could you tell me the current temperature in {city} in {unit}, please?",
                "I'm about to go out in {city}. Is it raining?",
                "Get me the current conditions for {city}.",
                "how warm is it in {city} at the moment, in {unit}",
                "My sister lives in {city}; I wonder what the weather is doing there.",
                "Current weather for {city}, {unit} please",
                "Is it windy in {city} right now?",
                "Show the temperature in {city} in {unit}.",
            ),
        ),
        Intent(
            names=(
                "get_weather_forecast",
                "weather_forecast_daily",
                "fetch_multi_day_forecast",
                "forecast_weather_days",
            ),
            summaries=(
                "Get the daily weather forecast for the coming days.",
                "Forecast for a city, day by day.",
            ),
            slots=(
                _CITY,
                Slot(
                    "days",
                    "integer",
                    "How many days ahead to forecast.",
                    names=("days", "num_days", "forecast_days"),
                    required=False,
                    default=3,
                    minimum=1,
                    maximum=14,
                ),
                Slot(
                    "include_hourly",
                    "boolean",
                    "Add an hour-by-hour breakdown.",
                    names=("include_hourly", "hourly", "hourly_breakdown"),
                    required=False,
                    default=False,
                    phrases=("with an hourly breakdown", "hour by hour", "broken down by hour"),
                ),
            ),
            queries=(
                "What's the forecast for {city} over the next {days} days?",
                "{days}-day forecast {city} {include_hourly}",
                "Will it rain in {city} this week?",
                "Please give me the {city} forecast {include_hourly}.",
                "I need the weather outlook for {city} for {days} days.",
                "forecast for {city}",
                "Can you check whether {city} will be sunny over the next {days} days?",
                "We're driving to {city} on the weekend; what does the forecast look like?",
                "Show me the coming days in {city} {include_hourly}",
                "Could you pull up a {days} day forecast for {city}, please?",
            ),
        ),
        Intent(
            names=(
                "air_quality_now",
                "air_quality_index_lookup",
                "fetch_aqi_report",
                "check_city_air_quality",
            ),
            summaries=(
                "Get the air quality index and main pollutants for a city.",
                "Check how clean the air is in a place today.",
            ),
            slots=(
                _CITY,
                Slot(
                    "include_pollen",
                    "boolean",
                    "Also report pollen levels.",
                    names=("include_pollen", "pollen", "with_pollen"),
                    required=False,
                    default=False,
                    phrases=("and the pollen count", "including pollen levels", "plus pollen"),
                ),
            ),
            queries=(
                "How is the air quality in {city} today?",
                "AQI {city} {include_pollen}",
                "Is it safe to go for a run in {city}, or is the air bad?",
                "Could you check the air quality in {city} {include_pollen}?",
                "My asthma is acting up. What's the pollution like in {city}?",
                "Get the air quality index for {city}.",
                "I need the air quality report for {city} {include_pollen}.",
                "is the smog bad in {city} right now",
                "Please look up air pollution levels in {city}.",
            ),
        ),
        Intent(
            names=(
                "get_weather_alerts",
                "list_severe_weather_warnings",
                "weather_alerts_active",
                "fetch_storm_warnings",
            ),
            summaries=(
                "List active severe weather warnings for a city.",
                "Check for storm, flood or heat alerts in an area.",
            ),
            slots=(
                _CITY,
                Slot(
                    "min_severity",
                    "enum",
                    "Only report alerts at least this severe.",
                    names=("min_severity", "severity", "level"),
                    required=False,
                    default="minor",
                    choices=("minor", "moderate", "severe", "extreme"),
                    aliases={
                        "minor": ("minor", "low", "yellow"),
                        "moderate": ("moderate", "medium", "amber"),
                        "severe": ("severe", "high", "red"),
                        "extreme": ("extreme", "critical", "life-threatening"),
                    },
                ),
            ),
            queries=(
                "Are there any weather warnings for {city}?",
                "weather alerts {city}",
                "Show me {min_severity} or worse weather alerts in {city}.",
                "Is there a storm warning out for {city}?",
                "My parents are in {city}; could you check whether any alerts are active there?",
                "List only {min_severity} weather warnings for {city}, please.",
                "I need to know if {city} has a flood or heat advisory right now.",
                "Any {min_severity} alerts around {city} today?",
                "Can you check for severe weather in {city}?",
            ),
        ),
        Intent(
            names=(
                "get_historical_weather",
                "weather_history_lookup",
                "fetch_past_weather",
                "historical_weather_by_date",
            ),
            summaries=(
                "Get the recorded weather for a city on a past date.",
                "Look up what the weather was on a given day.",
            ),
            slots=(_CITY, _DATE, _TEMP_UNIT),
            queries=(
                "What was the weather in {city} on {date}?",
                "weather history {city} {date}",
                "How hot did it get in {city} on {date}, in {unit}?",
                "Can you find out whether it rained in {city} on {date}?",
                "I'm filling in an insurance claim and need the weather in {city} on {date}.",
                "Look up past weather for {city} for {date} in {unit}.",
                "Please show the recorded temperatures in {city} for {date}.",
                "Was it snowing in {city} on {date}?",
                "Historical conditions for {city} on {date}, {unit}",
            ),
        ),
        Intent(
            names=(
                "get_sunrise_sunset",
                "sun_times_lookup",
                "fetch_daylight_hours",
                "sunrise_sunset_times",
            ),
            summaries=(
                "Get the sunrise and sunset times for a city.",
                "Find out when the sun rises and sets on a given day.",
            ),
            slots=(_CITY, _OPTIONAL_DATE),
            queries=(
                "When is sunset in {city} today?",
                "What time does the sun rise in {city} on {date}?",
                "sunrise sunset {city} {date}",
                "I want to photograph the golden hour in {city}; when does the sun set on {date}?",
                "Could you give me today's sunrise time in {city}?",
                "How many hours of daylight will {city} have on {date}?",
                "sun times for {city}",
                "Please look up when it gets dark in {city} on {date}.",
                "When does it get light in {city}?",
            ),
        ),
        Intent(
            names=(
                "convert_temperature",
                "temperature_unit_convert",
                "convert_degrees",
            ),
            summaries=(
                "Convert a temperature between Celsius and Fahrenheit.",
                "Change a temperature reading from one scale to the other.",
            ),
            slots=(
                Slot(
                    "value",
                    "number",
                    "The temperature to convert.",
                    names=("value", "temperature", "degrees"),
                    minimum=-40,
                    maximum=250,
                ),
                Slot(
                    "from_unit",
                    "enum",
                    "Scale of the given value.",
                    names=("from_unit", "source_unit", "from_scale"),
                    choices=("celsius", "fahrenheit", "kelvin"),
                    aliases={
                        "celsius": ("Celsius", "°C", "degrees C"),
                        "fahrenheit": ("Fahrenheit", "°F", "degrees F"),
                        "kelvin": ("Kelvin", "K"),
                    },
                ),
                Slot(
                    "to_unit",
                    "enum",
                    "Scale to convert to.",
                    names=("to_unit", "target_unit", "to_scale"),
                    choices=("celsius", "fahrenheit", "kelvin"),
                    aliases={
                        "celsius": ("Celsius", "°C"),
                        "fahrenheit": ("Fahrenheit", "°F"),
                        "kelvin": ("Kelvin",),
                    },
                ),
            ),
            queries=(
                "Convert {value} {from_unit} to {to_unit}.",
                "{value} {from_unit} in {to_unit}",
                "What's {value} {from_unit} when converted to {to_unit}?",
                "My oven only shows {to_unit}; the recipe says {value} {from_unit}. What do I set?",
                "Could you turn {value} {from_unit} into {to_unit}, please?",
                "How much is {value} {from_unit} expressed in {to_unit}?",
                "I need {value} {from_unit} converted to {to_unit}.",
                "change {value} {from_unit} to {to_unit}",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# smart home
# ---------------------------------------------------------------------------

_ROOM = Slot(
    "room",
    "text",
    "Room of the house.",
    names=("room", "room_name", "zone"),
    examples=(
        "living room",
        "kitchen",
        "bedroom",
        "hallway",
        "kids' room",
        "home office",
        "garage",
    ),
)

SMART_HOME = Domain(
    "smart_home",
    (
        Intent(
            names=(
                "set_thermostat_temperature",
                "thermostat_set_target",
                "adjust_home_heating",
                "update_thermostat_setpoint",
            ),
            summaries=(
                "Set the target temperature of the home thermostat.",
                "Change the heating or cooling setpoint, optionally in one room.",
            ),
            slots=(
                Slot(
                    "temperature",
                    "number",
                    "Target temperature in degrees Celsius.",
                    names=("temperature", "target_temperature", "setpoint"),
                    minimum=10,
                    maximum=30,
                ),
                Slot(
                    "room",
                    "text",
                    "Room whose thermostat to set; the whole house when left out.",
                    names=("room", "room_name", "zone"),
                    required=False,
                    examples=("living room", "bedroom", "nursery", "home office", "bathroom"),
                ),
                Slot(
                    "mode",
                    "enum",
                    "Climate mode.",
                    names=("mode", "hvac_mode", "climate_mode"),
                    required=False,
                    default="auto",
                    choices=("heat", "cool", "auto", "eco"),
                    aliases={
                        "heat": ("heat", "heating"),
                        "cool": ("cool", "cooling", "air conditioning"),
                        "auto": ("auto", "automatic"),
                        "eco": ("eco", "energy saving", "economy"),
                    },
                ),
            ),
            queries=(
                "Set the thermostat to {temperature} degrees.",
                "Can you make the {room} {temperature} degrees?",
                "thermostat {temperature} {mode}",
                "It's freezing in here; please set the {room} to {temperature}.",
                "Could you put the heating in {mode} mode at {temperature} degrees?",
                "I'd like the house at {temperature} degrees tonight.",
                "Set {room} temperature to {temperature} in {mode} mode.",
                "Turn the thermostat up to {temperature}, please.",
                "My partner wants the {room} at {temperature} degrees.",
                "change the setpoint to {temperature} degrees",
            ),
        ),
        Intent(
            names=(
                "set_room_lights",
                "control_home_lights",
                "lights_switch_room",
                "toggle_smart_lights",
            ),
            summaries=(
                "Turn the lights in a room on or off, optionally dimming them.",
                "Switch and dim the smart lights of a room.",
            ),
            slots=(
                _ROOM,
                Slot(
                    "power",
                    "enum",
                    "Whether the lights should be on or off.",
                    names=("power", "state", "on_off"),
                    choices=("on", "off"),
                    aliases={"on": ("on",), "off": ("off",)},
                ),
                Slot(
                    "brightness",
                    "integer",
                    "Brightness in percent.",
                    names=("brightness", "level", "brightness_percent"),
                    required=False,
                    minimum=1,
                    maximum=100,
                ),
            ),
            queries=(
                "Turn {power} the lights in the {room}.",
                "{room} lights {power}",
                "Could you switch the {room} lights {power}, please?",
                "Switch the {room} lights {power} and set them to {brightness} percent.",
                "Lights {power} in the {room} at {brightness}%",
                "I'm going to bed, turn the {room} lights {power}.",
                "Can you turn the {room} lights {power} at {brightness} percent brightness?",
                "Please put the {room} lights {power}.",
                "The kids need the {room} lights {power}.",
            ),
        ),
        Intent(
            names=(
                "set_door_lock",
                "smart_lock_control",
                "door_lock_toggle",
                "lock_or_unlock_door",
            ),
            summaries=(
                "Lock or unlock a smart door lock.",
                "Change the state of one of the home's door locks.",
            ),
            slots=(
                Slot(
                    "door",
                    "text",
                    "Which door.",
                    names=("door", "door_name", "lock_name"),
                    examples=(
                        "front door",
                        "back door",
                        "garage door",
                        "patio door",
                        "side gate",
                        "basement door",
                    ),
                ),
                Slot(
                    "action",
                    "enum",
                    "Lock or unlock.",
                    names=("action", "lock_state", "command"),
                    choices=("lock", "unlock"),
                    aliases={"lock": ("lock", "secure"), "unlock": ("unlock", "open")},
                ),
            ),
            queries=(
                "{action} the {door}.",
                "Can you {action} the {door}?",
                "{door} {action}",
                "The dog walker is here; please {action} the {door}.",
                "Could you {action} the {door} for me, please?",
                "I forgot about the {door}. {action} it now.",
                "I need you to {action} the {door}.",
                "Remote {action} for the {door}, please",
            ),
        ),
        Intent(
            names=(
                "get_device_status",
                "smart_device_status",
                "check_home_device_state",
                "fetch_appliance_status",
            ),
            summaries=(
                "Get the current state of a smart home device.",
                "Check whether a home device is on, its battery and its readings.",
            ),
            slots=(
                Slot(
                    "device",
                    "text",
                    "Name of the device.",
                    names=("device", "device_name", "appliance"),
                    examples=(
                        "washing machine",
                        "dishwasher",
                        "robot vacuum",
                        "garage door opener",
                        "hallway smoke detector",
                        "porch camera",
                        "dehumidifier",
                    ),
                ),
                Slot(
                    "include_battery",
                    "boolean",
                    "Also report the battery level.",
                    names=("include_battery", "battery", "with_battery"),
                    required=False,
                    default=False,
                    phrases=("and its battery level", "including the battery", "plus battery"),
                ),
            ),
            queries=(
                "Is the {device} still running?",
                "status of the {device} {include_battery}",
                "Check the {device} {include_battery}.",
                "Can you tell me what the {device} is doing?",
                "I left home in a hurry. Could you check the {device} for me?",
                "{device} status",
                "Please report on the {device} {include_battery}.",
                "Has the {device} finished yet?",
                "What state is the {device} in?",
            ),
        ),
        Intent(
            names=(
                "activate_home_scene",
                "run_smart_home_scene",
                "scene_activate",
                "trigger_home_routine",
            ),
            summaries=(
                "Activate a saved smart home scene or routine.",
                "Run a scene that sets several devices at once.",
            ),
            slots=(
                Slot(
                    "scene",
                    "text",
                    "Name of the scene.",
                    names=("scene", "scene_name", "routine"),
                    examples=(
                        "movie night",
                        "good morning",
                        "away mode",
                        "dinner party",
                        "bedtime",
                        "focus time",
                    ),
                ),
                Slot(
                    "delay_minutes",
                    "integer",
                    "Minutes to wait before starting.",
                    names=("delay_minutes", "delay", "start_in_minutes"),
                    required=False,
                    default=0,
                    minimum=1,
                    maximum=120,
                ),
            ),
            queries=(
                "Start the {scene} scene.",
                "Activate {scene} in {delay_minutes} minutes.",
                "scene {scene}",
                "Could you run my {scene} routine, please?",
                "We're about to sit down; switch on {scene}.",
                "Set {scene} to kick in after {delay_minutes} minutes.",
                "I want the {scene} scene on.",
                "Can you trigger {scene} in {delay_minutes} min?",
                "run {scene} now",
            ),
        ),
        Intent(
            names=(
                "schedule_device_action",
                "create_device_schedule",
                "device_timer_set",
                "add_home_automation_schedule",
            ),
            summaries=(
                "Schedule a device to turn on or off at a time of day.",
                "Create a timed automation for a smart device, optionally repeating.",
            ),
            slots=(
                Slot(
                    "device",
                    "text",
                    "Name of the device.",
                    names=("device", "device_name", "appliance"),
                    examples=(
                        "porch light",
                        "coffee machine",
                        "bathroom heater",
                        "garden sprinkler",
                        "fish tank light",
                        "electric blanket",
                    ),
                ),
                Slot(
                    "power",
                    "enum",
                    "Turn on or off.",
                    names=("power", "action", "state"),
                    choices=("on", "off"),
                    aliases={"on": ("on",), "off": ("off",)},
                ),
                Slot("time", "time", "Time of day to act.", names=("time", "at_time", "run_at")),
                Slot(
                    "weekdays",
                    "enum",
                    "Days of the week to repeat on; only once when left out.",
                    names=("weekdays", "repeat_days", "days"),
                    required=False,
                    many=True,
                    choices=(
                        "monday",
                        "tuesday",
                        "wednesday",
                        "thursday",
                        "friday",
                        "saturday",
                        "sunday",
                    ),
                    aliases={
                        "monday": ("Monday", "Mon"),
                        "tuesday": ("Tuesday", "Tue"),
                        "wednesday": ("Wednesday", "Wed"),
                        "thursday": ("Thursday", "Thu"),
                        "friday": ("Friday", "Fri"),
                        "saturday": ("Saturday", "Sat"),
                        "sunday": ("Sunday", "Sun"),
                    },
                ),
            ),
            queries=(
                "Turn the {device} {power} at {time}.",
                "Schedule the {device} to switch {power} at {time} every {weekdays}.",
                "{device} {power} {time}",
                "Could you set the {device} to go {power} at {time} on {weekdays}?",
                "I want the {device} {power} by {time} each {weekdays}.",
                "Please make the {device} turn {power} at {time}.",
                "Can you switch the {device} {power} at {time} tonight?",
                "timer: {device} {power} at {time}, repeat {weekdays}",
                "My wife asked me to have the {device} come {power} at {time}.",
            ),
        ),
        Intent(
            names=(
                "get_home_energy_usage",
                "energy_consumption_report",
                "fetch_power_usage",
                "home_energy_summary",
            ),
            summaries=(
                "Report household electricity use over a period.",
                "Summarize how much energy the home or one device used.",
            ),
            slots=(
                Slot(
                    "period",
                    "enum",
                    "Time span to report.",
                    names=("period", "time_range", "interval"),
                    choices=("day", "week", "month", "year"),
                    aliases={
                        "day": ("today", "the last day", "the past 24 hours"),
                        "week": ("this week", "the past week", "the last seven days"),
                        "month": ("this month", "the past month", "the last 30 days"),
                        "year": ("this year", "the past year", "the last twelve months"),
                    },
                ),
                Slot(
                    "device",
                    "text",
                    "One device to report on; the whole home when left out.",
                    names=("device", "device_name", "appliance"),
                    required=False,
                    examples=(
                        "heat pump",
                        "tumble dryer",
                        "EV charger",
                        "fridge",
                        "hot tub",
                        "gaming PC",
                    ),
                ),
                Slot(
                    "include_cost",
                    "boolean",
                    "Also estimate the cost.",
                    names=("include_cost", "with_cost", "show_cost"),
                    required=False,
                    default=False,
                    phrases=("and what it cost", "with the cost", "including the price"),
                ),
            ),
            queries=(
                "How much electricity did we use {period}?",
                "energy usage {period} {include_cost}",
                "Show the {device}'s power consumption for {period} {include_cost}.",
                "Could you give me the energy report for {period}, please?",
                "The bill looked high. How much did the {device} use {period}?",
                "I need our household energy usage for {period} {include_cost}.",
                "Get power usage {period}.",
                "What did the {device} draw {period}?",
                "Can you summarize home energy use for {period} {include_cost}?",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# calendar
# ---------------------------------------------------------------------------

_EVENT_TITLE = Slot(
    "title",
    "text",
    "Title of the event.",
    names=("title", "event_title", "summary"),
    examples=(
        "Dentist appointment",
        "Parent-teacher meeting",
        "Lunch with Grandma",
        "Yoga class",
        "Car service",
        "Book club",
        "Team offsite planning",
    ),
)

CALENDAR = Domain(
    "calendar",
    (
        Intent(
            names=(
                "create_calendar_event",
                "calendar_add_event",
                "schedule_calendar_entry",
                "new_calendar_event",
            ),
            summaries=(
                "Create an event in the user's calendar.",
                "Add a calendar entry at a date and time, optionally inviting people.",
            ),
            slots=(
                _EVENT_TITLE,
                _DATE,
                Slot(
                    "start_time",
                    "time",
                    "When the event starts.",
                    names=("start_time", "time", "starts_at"),
                ),
                Slot(
                    "duration_minutes",
                    "integer",
                    "Length of the event in minutes.",
                    names=("duration_minutes", "duration", "length_minutes"),
                    required=False,
                    default=60,
                    minimum=15,
                    maximum=480,
                ),
                Slot(
                    "attendees",
                    "email",
                    "Email addresses of people to invite.",
                    names=("attendees", "invitees", "guest_emails"),
                    required=False,
                    many=True,
                ),
            ),
            queries=(
                "Add {title} to my calendar on {date} at {start_time}.",
                "Put {title} in the calendar: {date}, {start_time}, {duration_minutes} minutes.",
                "calendar: {title} {date} {start_time}",
                "Can you schedule {title} on {date} at {start_time} and invite {attendees}?",
                "I need to block {duration_minutes} minutes on {date} at {start_time} for {title}.",
                "Could you please create an event called {title} for {date} at {start_time}?",
                "Book {title} on {date} at {start_time} with {attendees}.",
                "My boss wants {title} on {date} at {start_time}; send invites to {attendees}.",
                "New event {title}, {date}, {start_time}, lasting {duration_minutes} minutes",
                "Remember {title} on {date} at {start_time} in my calendar.",
            ),
        ),
        Intent(
            names=(
                "list_calendar_events",
                "get_events_for_day",
                "calendar_agenda_lookup",
                "fetch_daily_agenda",
            ),
            summaries=(
                "List the events in the calendar on a given day.",
                "Show the agenda for a date, optionally for one calendar only.",
            ),
            slots=(
                _DATE,
                Slot(
                    "calendar",
                    "enum",
                    "Which calendar to read; all of them when left out.",
                    names=("calendar", "calendar_name", "calendar_id"),
                    required=False,
                    choices=("personal", "work", "family", "holidays"),
                    aliases={
                        "personal": ("personal", "private"),
                        "work": ("work", "office", "job"),
                        "family": ("family", "shared family", "household"),
                        "holidays": ("holidays", "public holidays", "bank holidays"),
                    },
                ),
            ),
            queries=(
                "What's on my calendar for {date}?",
                "agenda {date}",
                "Show my {calendar} events on {date}.",
                "Do I have anything scheduled on {date}?",
                "Could you list everything in the {calendar} calendar for {date}, please?",
                "I'm trying to plan {date}. What meetings do I have?",
                "{calendar} calendar {date}",
                "Am I free at all on {date}?",
                "Can you read out my {calendar} appointments for {date}?",
            ),
        ),
        Intent(
            names=(
                "delete_calendar_event",
                "cancel_calendar_event",
                "calendar_remove_event",
                "remove_scheduled_event",
            ),
            summaries=(
                "Delete an event from the calendar.",
                "Cancel a calendar event, optionally telling the attendees.",
            ),
            slots=(
                _EVENT_ID,
                Slot(
                    "notify_attendees",
                    "boolean",
                    "Send a cancellation notice to attendees.",
                    names=("notify_attendees", "send_updates", "notify_guests"),
                    required=False,
                    default=False,
                    phrases=(
                        "and let everyone know",
                        "and notify the attendees",
                        "with a cancellation email to the guests",
                    ),
                ),
            ),
            queries=(
                "Delete event {event_id} {notify_attendees}.",
                "cancel {event_id}",
                "Please remove {event_id} from my calendar {notify_attendees}.",
                "The dinner is off. Cancel {event_id} {notify_attendees}.",
                "Can you delete calendar event {event_id}?",
                "I need {event_id} taken off the calendar.",
                "Could you cancel the event with ID {event_id}, please?",
                "drop {event_id} from the calendar {notify_attendees}",
                "Get rid of event {event_id}.",
            ),
        ),
        Intent(
            names=(
                "reschedule_calendar_event",
                "move_calendar_event",
                "calendar_event_reschedule",
                "update_event_datetime",
            ),
            summaries=(
                "Move a calendar event to a new date and optionally a new time.",
                "Reschedule an existing event.",
            ),
            slots=(
                _EVENT_ID,
                Slot(
                    "new_date",
                    "date",
                    "The new date.",
                    names=("new_date", "date", "move_to_date"),
                ),
                Slot(
                    "new_time",
                    "time",
                    "The new start time; unchanged when left out.",
                    names=("new_time", "start_time", "time"),
                    required=False,
                ),
            ),
            queries=(
                "Move {event_id} to {new_date}.",
                "Reschedule {event_id} to {new_date} at {new_time}.",
                "Can you push event {event_id} to {new_date}?",
                "{event_id} -> {new_date} {new_time}",
                "Something came up; please shift {event_id} to {new_date}.",
                "Could you move {event_id} to {new_date} at {new_time}, please?",
                "I need {event_id} rescheduled for {new_date}.",
                "Change the date of {event_id} to {new_date} and start it at {new_time}.",
                "Postpone event {event_id} until {new_date}.",
            ),
        ),
        Intent(
            names=(
                "find_free_time_slot",
                "calendar_find_availability",
                "search_open_calendar_slots",
                "lookup_free_calendar_time",
            ),
            summaries=(
                "Find a free slot of a given length in the calendar on a day.",
                "Search a day for open time long enough for a meeting.",
            ),
            slots=(
                _DATE,
                Slot(
                    "duration_minutes",
                    "integer",
                    "How long the free slot must be.",
                    names=("duration_minutes", "duration", "slot_length"),
                    minimum=15,
                    maximum=480,
                ),
                Slot(
                    "earliest",
                    "time",
                    "Earliest acceptable start.",
                    names=("earliest", "not_before", "earliest_start"),
                    required=False,
                ),
            ),
            queries=(
                "Find me a free {duration_minutes} minute slot on {date}.",
                "When am I free for {duration_minutes} minutes on {date}?",
                "free slot {date} {duration_minutes} min after {earliest}",
                "Could you find {duration_minutes} open minutes on {date}, not before {earliest}?",
                "I need to fit in a {duration_minutes}-minute call on {date}; where's a gap?",
                "Can you find {duration_minutes} minutes for me on {date}?",
                "Please search {date} for a {duration_minutes} minute window after {earliest}.",
                "My coach wants {duration_minutes} minutes with me on {date}. When could I do it?",
                "open time on {date}, {duration_minutes} minutes",
            ),
        ),
        Intent(
            names=(
                "invite_to_calendar_event",
                "add_event_attendees",
                "calendar_event_invite",
                "share_event_invitation",
            ),
            summaries=(
                "Invite more people to an existing calendar event.",
                "Add guests to an event and send them invitations.",
            ),
            slots=(
                _EVENT_ID,
                _ATTENDEES,
                Slot(
                    "message",
                    "text",
                    "A note to include in the invitation.",
                    names=("message", "note", "invitation_message"),
                    required=False,
                    examples=(
                        "Hope you can make it!",
                        "Bring a dish to share",
                        "Parking is on the street",
                        "We'll start on time",
                        "Casual dress",
                    ),
                ),
            ),
            queries=(
                "Invite {attendees} to {event_id}.",
                "add {attendees} to event {event_id}",
                "Can you send an invite for {event_id} to {attendees}?",
                "Please add {attendees} to {event_id} with the note '{message}'.",
                "I forgot to invite {attendees} to {event_id}. Could you fix that?",
                "Send {attendees} an invitation to {event_id} saying {message}.",
                "Could you please include {attendees} in event {event_id}?",
                "My manager wants {attendees} at {event_id} too.",
                "{event_id}: invite {attendees}",
            ),
        ),
        Intent(
            names=(
                "search_calendar_events",
                "calendar_event_search",
                "find_calendar_entries",
                "lookup_events_by_keyword",
            ),
            summaries=(
                "Search the calendar for events matching a keyword.",
                "Find calendar entries by words in their title, from a date on.",
            ),
            slots=(
                Slot(
                    "keyword",
                    "text",
                    "Words to look for.",
                    names=("keyword", "query", "search_text"),
                    examples=("dentist", "birthday", "swim lesson", "flight", "review", "piano"),
                ),
                Slot(
                    "from_date",
                    "date",
                    "Only events on or after this date.",
                    names=("from_date", "start_date", "since"),
                    required=False,
                ),
            ),
            queries=(
                "When is my next {keyword}?",
                "Search my calendar for {keyword}.",
                "find {keyword} events after {from_date}",
                "Could you look up any {keyword} entries from {from_date} on?",
                "I can't remember when the {keyword} is. Can you check?",
                "calendar search {keyword}",
                "Please list all {keyword} appointments starting {from_date}.",
                "Do I have a {keyword} booked anywhere?",
                "Show events matching {keyword} since {from_date}.",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# reminders
# ---------------------------------------------------------------------------

REMINDERS = Domain(
    "reminders",
    (
        Intent(
            names=(
                "create_reminder",
                "set_reminder",
                "reminder_add",
                "schedule_personal_reminder",
            ),
            summaries=(
                "Create a one-off reminder for a date and optional time.",
                "Set a reminder that fires on a given day.",
                "Add a new reminder with a message and a priority.",
            ),
            slots=(
                _REMINDER_TEXT,
                _DATE,
                Slot(
                    "time",
                    "time",
                    "Time of day; morning when left out.",
                    names=("time", "at_time", "remind_at"),
                    required=False,
                ),
                Slot(
                    "priority",
                    "enum",
                    "How important the reminder is.",
                    names=("priority", "importance", "level"),
                    required=False,
                    default="normal",
                    choices=("low", "normal", "high"),
                    aliases={
                        "low": ("low", "minimal"),
                        "normal": ("normal", "medium", "regular"),
                        "high": ("high", "top", "urgent"),
                    },
                ),
            ),
            queries=(
                "Remind me to {message} on {date}.",
                "Set a reminder to {message} on {date} at {time}.",
                "reminder {date} {time}: {message}",
                "Can you remind me on {date} to {message}?",
                "I keep forgetting to {message}; please nudge me on {date} at {time}.",
                "Create a reminder with {priority} priority to {message} for {date}.",
                "Could you please set a reminder for {date} at {time} to {message}?",
                "Don't let me forget to {message} on {date}.",
                "Add a reminder, {priority} priority: {message}, {date}",
                "My landlord needs an answer, so remind me to {message} on {date} at {time}.",
            ),
        ),
        Intent(
            names=(
                "list_reminders",
                "get_upcoming_reminders",
                "reminders_list_by_status",
                "fetch_reminder_list",
            ),
            summaries=(
                "List the user's reminders, optionally filtered by status.",
                "Show pending, completed or overdue reminders.",
            ),
            slots=(
                Slot(
                    "status",
                    "enum",
                    "Which reminders to show.",
                    names=("status", "filter", "state"),
                    required=False,
                    default="pending",
                    choices=("pending", "completed", "overdue"),
                    aliases={
                        "pending": ("pending", "open", "upcoming"),
                        "completed": ("completed", "done", "finished"),
                        "overdue": ("overdue", "missed", "late"),
                    },
                ),
                Slot(
                    "limit",
                    "integer",
                    "Most reminders to return.",
                    names=("limit", "max_results", "count"),
                    required=False,
                    default=20,
                    minimum=1,
                    maximum=100,
                ),
            ),
            queries=(
                "What reminders do I have?",
                "Show my {status} reminders.",
                "list {limit} {status} reminders",
                "Could you read me my reminders, please?",
                "Which of my reminders are {status}?",
                "I want to see the first {limit} reminders on my list.",
                "Can you pull up all the {status} reminders?",
                "reminders",
                "My week is chaos. What's still on my reminders list?",
            ),
        ),
        Intent(
            names=(
                "complete_reminder",
                "mark_reminder_done",
                "reminder_mark_complete",
                "check_off_reminder",
            ),
            summaries=(
                "Mark a reminder as done.",
                "Check off a reminder so it stops nagging.",
            ),
            slots=(_REMINDER_ID,),
            queries=(
                "Mark {reminder_id} as done.",
                "done {reminder_id}",
                "I've handled {reminder_id}; please tick it off.",
                "Can you complete reminder {reminder_id}?",
                "Check off {reminder_id}.",
                "Could you please mark reminder {reminder_id} finished?",
                "{reminder_id} is taken care of.",
                "Close out {reminder_id} for me.",
            ),
        ),
        Intent(
            names=(
                "snooze_reminder",
                "reminder_snooze",
                "postpone_reminder_minutes",
                "delay_reminder_alert",
            ),
            summaries=(
                "Snooze a reminder for a number of minutes.",
                "Push a reminder back a little.",
            ),
            slots=(
                _REMINDER_ID,
                Slot(
                    "minutes",
                    "integer",
                    "How long to snooze.",
                    names=("minutes", "snooze_minutes", "delay_minutes"),
                    required=False,
                    default=10,
                    minimum=1,
                    maximum=240,
                ),
            ),
            queries=(
                "Snooze {reminder_id} for {minutes} minutes.",
                "snooze {reminder_id}",
                "I'm busy; push {reminder_id} back {minutes} minutes.",
                "Can you delay reminder {reminder_id} by {minutes} min?",
                "Please snooze {reminder_id}.",
                "Remind me about {reminder_id} again in {minutes} minutes.",
                "Could you postpone {reminder_id} a bit?",
                "{reminder_id} +{minutes} min",
            ),
        ),
        Intent(
            names=(
                "delete_reminder",
                "remove_reminder",
                "reminder_delete",
                "discard_reminder",
            ),
            summaries=(
                "Delete a reminder.",
                "Remove a reminder for good.",
            ),
            slots=(_REMINDER_ID,),
            queries=(
                "Delete reminder {reminder_id}.",
                "remove {reminder_id}",
                "I don't need {reminder_id} anymore; get rid of it.",
                "Can you delete {reminder_id}?",
                "Please remove the reminder {reminder_id}.",
                "Could you scrap {reminder_id} for me?",
                "Trash {reminder_id}.",
                "{reminder_id} isn't relevant now, delete it.",
            ),
        ),
        Intent(
            names=(
                "create_recurring_reminder",
                "set_repeating_reminder",
                "recurring_reminder_add",
                "schedule_routine_reminder",
            ),
            summaries=(
                "Create a reminder that repeats on a schedule.",
                "Set a daily, weekly or monthly reminder at a time of day.",
            ),
            slots=(
                _REMINDER_TEXT,
                Slot(
                    "frequency",
                    "enum",
                    "How often it repeats.",
                    names=("frequency", "repeat", "recurrence"),
                    choices=("daily", "weekdays", "weekly", "monthly"),
                    aliases={
                        "daily": ("every day", "daily", "each day"),
                        "weekdays": ("every weekday", "on weekdays", "Monday to Friday"),
                        "weekly": ("every week", "weekly", "once a week"),
                        "monthly": ("every month", "monthly", "once a month"),
                    },
                ),
                Slot("time", "time", "Time of day.", names=("time", "at_time", "remind_at")),
                Slot(
                    "start_date",
                    "date",
                    "First day; today when left out.",
                    names=("start_date", "starting", "from_date"),
                    required=False,
                ),
            ),
            queries=(
                "Remind me to {message} {frequency} at {time}.",
                "Set up a reminder {frequency} at {time} to {message}, starting {start_date}.",
                "recurring: {message}, {frequency}, {time}",
                "Can you remind me {frequency} at {time} to {message}?",
                "I need a nudge to {message} {frequency} at {time}.",
                "Could you please create a repeating reminder to {message} at {time} {frequency}?",
                "From {start_date}, remind me to {message} at {time} {frequency}.",
                "My doctor says I must {message}, so remind me {frequency} at {time}.",
                "{frequency} at {time}: {message}",
            ),
        ),
        Intent(
            names=(
                "create_location_reminder",
                "set_geofence_reminder",
                "reminder_at_place",
                "add_place_based_reminder",
            ),
            summaries=(
                "Create a reminder that fires when arriving at or leaving a place.",
                "Set a location-triggered reminder.",
            ),
            slots=(
                _REMINDER_TEXT,
                Slot(
                    "place",
                    "text",
                    "Where the reminder is triggered.",
                    names=("place", "location", "place_name"),
                    examples=(
                        "home",
                        "the office",
                        "the supermarket",
                        "the gym",
                        "my parents' house",
                        "the train station",
                    ),
                ),
                Slot(
                    "trigger",
                    "enum",
                    "Fire on arrival or departure.",
                    names=("trigger", "when", "trigger_on"),
                    required=False,
                    default="arrive",
                    choices=("arrive", "leave"),
                    aliases={
                        "arrive": ("arrive at", "get to", "reach"),
                        "leave": ("leave", "head out of", "depart from"),
                    },
                ),
            ),
            queries=(
                "Remind me to {message} when I {trigger} {place}.",
                "When I get to {place}, remind me to {message}.",
                "at {place}: {message}",
                "Could you remind me to {message} as soon as I {trigger} {place}?",
                "I always forget to {message} at {place}; set a reminder for it.",
                "Set a location reminder at {place} to {message}.",
                "Please nudge me to {message} once I {trigger} {place}.",
                "Can you remind me at {place} to {message}?",
                "{trigger} {place} -> {message}",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# notes
# ---------------------------------------------------------------------------

NOTES = Domain(
    "notes",
    (
        Intent(
            names=(
                "create_note",
                "new_note_add",
                "note_create",
                "save_quick_note",
            ),
            summaries=(
                "Create a new note with a title and body.",
                "Save a note, optionally with tags.",
            ),
            slots=(
                Slot(
                    "title",
                    "text",
                    "Title of the note.",
                    names=("title", "note_title", "heading"),
                    examples=(
                        "Gift ideas",
                        "Wi-Fi password for guests",
                        "Books to read",
                        "Plumber quote",
                        "Holiday packing list",
                        "Meeting takeaways",
                    ),
                ),
                Slot(
                    "body",
                    "text",
                    "Content of the note.",
                    names=("body", "content", "text"),
                    examples=(
                        "scarf for Mum, board game for Tom",
                        "the router is in the hall cupboard",
                        "ask about the boiler warranty",
                        "passport, chargers, sun cream",
                        "budget approved, launch moved to May",
                        "call back after 3 pm",
                    ),
                ),
                Slot(
                    "tags",
                    "text",
                    "Tags to file the note under.",
                    names=("tags", "labels", "categories"),
                    required=False,
                    many=True,
                    examples=("home", "family", "travel", "shopping", "ideas", "finance"),
                ),
            ),
            queries=(
                "Make a note called {title}: {body}.",
                "new note {title} - {body}",
                "Can you jot down '{body}' under the title {title}?",
                "Save a note titled {title} saying {body}, tagged {tags}.",
                "I need to remember this: {body}. Call it {title}.",
                "Could you please create a note {title} with the text '{body}'?",
                "Note to self, {title}: {body}",
                "Write down {body} in a note named {title} and tag it {tags}.",
                "Please add a note, {title}, that says {body}.",
            ),
        ),
        Intent(
            names=(
                "search_notes",
                "find_notes_by_text",
                "notes_search",
                "lookup_notes",
            ),
            summaries=(
                "Search notes for some words.",
                "Find notes whose text or tags match a query.",
            ),
            slots=(
                Slot(
                    "query",
                    "text",
                    "Words to look for.",
                    names=("query", "search_text", "keywords"),
                    examples=(
                        "password",
                        "recipe",
                        "insurance number",
                        "birthday",
                        "car",
                        "landlord",
                    ),
                ),
                Slot(
                    "tag",
                    "text",
                    "Only notes with this tag.",
                    names=("tag", "label", "category"),
                    required=False,
                    examples=("home", "work", "travel", "family", "health"),
                ),
            ),
            queries=(
                "Find my notes about {query}.",
                "search notes {query}",
                "Do I have a note mentioning {query}?",
                "Look for {query} in my {tag} notes.",
                "I wrote something down about {query} last month; can you find it?",
                "Could you search my notes for {query}, please?",
                "notes tagged {tag} with {query}",
                "Where's that note on {query}?",
                "Please pull up anything in the {tag} notes that says {query}.",
            ),
        ),
        Intent(
            names=(
                "append_to_note",
                "note_append_text",
                "add_text_to_note",
                "update_note_content",
            ),
            summaries=(
                "Add text to the end of an existing note.",
                "Append a line to a note.",
            ),
            slots=(
                _NOTE_ID,
                Slot(
                    "content",
                    "text",
                    "Text to add.",
                    names=("content", "text", "append_text"),
                    examples=(
                        "buy more coffee filters",
                        "the kids' school closes at noon Friday",
                        "idea: surprise picnic",
                        "the plumber can come Tuesday",
                        "add olive oil to the list",
                    ),
                ),
            ),
            queries=(
                "Add '{content}' to note {note_id}.",
                "append {content} to {note_id}",
                "Can you put {content} at the end of {note_id}?",
                "Please update {note_id} with: {content}",
                "I just thought of something for {note_id}: {content}.",
                "Could you add the line '{content}' to {note_id}, please?",
                "{note_id} += {content}",
                "Stick {content} onto note {note_id}.",
            ),
        ),
        Intent(
            names=(
                "delete_note",
                "remove_note",
                "note_delete",
                "trash_note",
            ),
            summaries=(
                "Delete a note, to the trash or permanently.",
                "Remove a note.",
            ),
            slots=(
                _NOTE_ID,
                Slot(
                    "permanent",
                    "boolean",
                    "Skip the trash and erase it for good.",
                    names=("permanent", "hard_delete", "skip_trash"),
                    required=False,
                    default=False,
                    phrases=("permanently", "for good", "without keeping it in the trash"),
                ),
            ),
            queries=(
                "Delete note {note_id} {permanent}.",
                "remove {note_id}",
                "Can you get rid of {note_id} {permanent}?",
                "Please delete the note {note_id}.",
                "I don't need {note_id} any more; erase it {permanent}.",
                "Could you trash note {note_id}, please?",
                "{note_id} delete {permanent}",
                "Throw away {note_id}.",
            ),
        ),
        Intent(
            names=(
                "list_notes_in_folder",
                "get_folder_notes",
                "notes_list",
                "browse_notebook",
            ),
            summaries=(
                "List the notes in a folder, sorted.",
                "Show what notes a notebook holds.",
            ),
            slots=(
                Slot(
                    "folder",
                    "text",
                    "Folder or notebook name.",
                    names=("folder", "notebook", "folder_name"),
                    examples=("Personal", "Recipes", "House renovation", "Journal", "Kids"),
                ),
                Slot(
                    "sort_by",
                    "enum",
                    "Order of the list.",
                    names=("sort_by", "order", "sort"),
                    required=False,
                    default="newest",
                    choices=("newest", "oldest", "title"),
                    aliases={
                        "newest": ("newest first", "most recent first", "latest first"),
                        "oldest": ("oldest first", "earliest first"),
                        "title": ("alphabetically", "by title", "A to Z"),
                    },
                ),
                Slot(
                    "limit",
                    "integer",
                    "Most notes to list.",
                    names=("limit", "max_results", "count"),
                    required=False,
                    default=25,
                    minimum=1,
                    maximum=200,
                ),
            ),
            queries=(
                "Show the notes in my {folder} folder.",
                "list {folder} notes {sort_by}",
                "What's in the {folder} notebook?",
                "Could you list the last {limit} notes in {folder}?",
                "Give me the {folder} notes sorted {sort_by}.",
                "I need to tidy up {folder}; show me its notes.",
                "Can you open {folder} and list {limit} notes {sort_by}?",
                "notes in {folder}",
                "Please show my {folder} folder, {sort_by}.",
            ),
        ),
        Intent(
            names=(
                "share_note",
                "note_share_with",
                "grant_note_access",
                "send_note_to_people",
            ),
            summaries=(
                "Share a note with other people by email.",
                "Give others view or edit access to a note.",
            ),
            slots=(
                _NOTE_ID,
                Slot(
                    "recipients",
                    "email",
                    "Email addresses to share with.",
                    names=("recipients", "emails", "share_with"),
                    many=True,
                ),
                Slot(
                    "permission",
                    "enum",
                    "What they may do.",
                    names=("permission", "access", "role"),
                    required=False,
                    default="view",
                    choices=("view", "edit"),
                    aliases={
                        "view": ("view-only", "read-only", "viewing"),
                        "edit": ("edit", "editing", "full edit"),
                    },
                ),
            ),
            queries=(
                "Share {note_id} with {recipients}.",
                "Give {recipients} {permission} access to {note_id}.",
                "share {note_id} {recipients} {permission}",
                "Could you send note {note_id} to {recipients}, please?",
                "My flatmates need to see {note_id}; share it with {recipients}.",
                "Share {note_id} with {recipients}, {permission} access.",
                "Please share {note_id} with {recipients} with {permission} rights.",
                "I want {recipients} to have {note_id}.",
                "Add {recipients} to {note_id}.",
            ),
        ),
        Intent(
            names=(
                "export_note",
                "note_export_file",
                "download_note_as",
                "convert_note_format",
            ),
            summaries=(
                "Export a note to a file format.",
                "Download a note as PDF, Markdown or plain text.",
            ),
            slots=(
                _NOTE_ID,
                Slot(
                    "format",
                    "enum",
                    "File format.",
                    names=("format", "file_format", "export_format"),
                    required=False,
                    default="pdf",
                    choices=("pdf", "markdown", "txt", "docx"),
                    aliases={
                        "pdf": ("PDF", "a PDF"),
                        "markdown": ("Markdown", "md"),
                        "txt": ("plain text", "a text file", "txt"),
                        "docx": ("Word", "a Word document", "docx"),
                    },
                ),
            ),
            queries=(
                "Export {note_id} as {format}.",
                "download {note_id} {format}",
                "Can you turn note {note_id} into {format}?",
                "Please export {note_id}.",
                "I need {note_id} as {format} to send to my accountant.",
                "Could you save {note_id} as a file, please?",
                "Export note {note_id} to {format}.",
                "{note_id} to file",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# contacts
# ---------------------------------------------------------------------------

CONTACTS = Domain(
    "contacts",
    (
        Intent(
            names=(
                "add_contact",
                "create_contact_entry",
                "contact_create",
                "save_new_contact",
            ),
            summaries=(
                "Add a person to the address book.",
                "Save a new contact with a phone number and optional email.",
            ),
            slots=(
                _CONTACT_NAME,
                Slot(
                    "phone",
                    "phone",
                    "Phone number.",
                    names=("phone", "phone_number", "mobile"),
                ),
                Slot(
                    "email",
                    "email",
                    "Email address.",
                    names=("email", "email_address", "mail"),
                    required=False,
                ),
            ),
            queries=(
                "Add {name} to my contacts with number {phone}.",
                "Save {name}, phone {phone}, email {email}.",
                "new contact {name} {phone}",
                "Could you save {phone} as {name}, please?",
                "I just met {name}; their number is {phone} and email is {email}.",
                "Create a contact for {name}: {phone}.",
                "Can you add {name} at {phone} and {email} to my address book?",
                "Store {name}'s number, {phone}.",
                "My new neighbour is {name}, {phone}. Save it.",
            ),
        ),
        Intent(
            names=(
                "find_contact",
                "search_contacts",
                "contact_lookup",
                "get_contact_details",
            ),
            summaries=(
                "Look up a contact's phone number and email.",
                "Search the address book by name.",
            ),
            slots=(
                _CONTACT_NAME,
                Slot(
                    "field",
                    "enum",
                    "Which detail to return; all when left out.",
                    names=("field", "detail", "info_type"),
                    required=False,
                    choices=("phone", "email", "address", "birthday"),
                    aliases={
                        "phone": ("phone number", "number", "mobile"),
                        "email": ("email", "email address"),
                        "address": ("address", "home address"),
                        "birthday": ("birthday", "date of birth"),
                    },
                ),
            ),
            queries=(
                "What's {name}'s {field}?",
                "Look up {name} in my contacts.",
                "contact {name}",
                "Can you find {name}'s {field} for me?",
                "I need to reach {name}. Do I have their details?",
                "Could you please pull up the contact for {name}?",
                "{name} {field}",
                "Show me everything I have on {name}.",
                "My aunt is asking for {name}'s {field}; can you check?",
            ),
        ),
        Intent(
            names=(
                "update_contact_phone",
                "change_contact_number",
                "contact_phone_update",
                "edit_contact_phone",
            ),
            summaries=(
                "Change the phone number saved for a contact.",
                "Replace a contact's phone number.",
            ),
            slots=(
                _CONTACT_NAME,
                Slot(
                    "phone",
                    "phone",
                    "The new phone number.",
                    names=("phone", "new_phone", "phone_number"),
                ),
                Slot(
                    "label",
                    "enum",
                    "Kind of number.",
                    names=("label", "phone_type", "number_type"),
                    required=False,
                    default="mobile",
                    choices=("mobile", "home", "work"),
                    aliases={
                        "mobile": ("mobile", "cell", "cell phone"),
                        "home": ("home", "landline"),
                        "work": ("work", "office"),
                    },
                ),
            ),
            queries=(
                "Update {name}'s number to {phone}.",
                "{name} has a new {label} number: {phone}.",
                "change {name} phone {phone}",
                "Could you replace {name}'s phone with {phone}, please?",
                "I got a text saying {name} switched to {phone}; please update it.",
                "Set {name}'s {label} number to {phone}.",
                "Can you fix {name}'s contact? The number is now {phone}.",
                "edit {name} {label} {phone}",
                "Please save {phone} as {name}'s new number.",
            ),
        ),
        Intent(
            names=(
                "delete_contact",
                "remove_contact",
                "contact_delete",
                "erase_contact_entry",
            ),
            summaries=(
                "Delete a contact from the address book.",
                "Remove someone's contact entry.",
            ),
            slots=(_CONTACT_NAME,),
            queries=(
                "Delete {name} from my contacts.",
                "remove contact {name}",
                "Can you get rid of {name} in my address book?",
                "Please delete the contact {name}.",
                "I don't talk to {name} anymore; remove them.",
                "Could you erase {name}'s contact, please?",
                "{name} - delete",
                "Take {name} out of my phone book.",
            ),
        ),
        Intent(
            names=(
                "list_upcoming_birthdays",
                "contacts_birthdays_soon",
                "get_contact_birthdays",
                "fetch_birthday_list",
            ),
            summaries=(
                "List contacts whose birthdays are coming up.",
                "Show birthdays in the next days.",
            ),
            slots=(
                Slot(
                    "days",
                    "integer",
                    "How many days ahead to look.",
                    names=("days", "within_days", "days_ahead"),
                    required=False,
                    default=30,
                    minimum=1,
                    maximum=365,
                ),
                Slot(
                    "group",
                    "enum",
                    "Only this group of contacts.",
                    names=("group", "contact_group", "circle"),
                    required=False,
                    choices=("family", "friends", "work"),
                    aliases={
                        "family": ("family", "relatives"),
                        "friends": ("friends", "mates"),
                        "work": ("colleagues", "coworkers", "work contacts"),
                    },
                ),
            ),
            queries=(
                "Whose birthday is coming up?",
                "birthdays next {days} days",
                "Any {group} birthdays in the next {days} days?",
                "Can you list the birthdays coming up among my {group}?",
                "I don't want to miss any birthdays. Who's next in the coming {days} days?",
                "Could you show upcoming birthdays, please?",
                "{group} birthdays",
                "Show birthdays within {days} days.",
                "Is it anyone's birthday soon?",
            ),
        ),
        Intent(
            names=(
                "add_contact_to_group",
                "contact_group_assign",
                "group_add_contact",
                "tag_contact_group",
            ),
            summaries=(
                "Put a contact into a group.",
                "Assign a contact to family, friends, work or another group.",
            ),
            slots=(
                _CONTACT_NAME,
                Slot(
                    "group",
                    "enum",
                    "Group to add to.",
                    names=("group", "group_name", "label"),
                    choices=("family", "friends", "work", "neighbours", "sports_club"),
                    aliases={
                        "family": ("family", "relatives"),
                        "friends": ("friends", "close friends"),
                        "work": ("work", "colleagues"),
                        "neighbours": ("neighbours", "neighbors"),
                        "sports_club": ("sports club", "football club"),
                    },
                ),
            ),
            queries=(
                "Add {name} to my {group} group.",
                "{name} -> {group}",
                "Can you put {name} under {group}?",
                "Please file {name} in {group}.",
                "Please put {name} in my {group} contacts.",
                "Could you tag {name} as {group}, please?",
                "Move {name} into the {group} list.",
                "I want {name} in the {group} group.",
            ),
        ),
        Intent(
            names=(
                "block_contact",
                "contact_block_number",
                "block_caller",
                "mute_and_block_contact",
            ),
            summaries=(
                "Block calls and messages from a contact.",
                "Stop a contact from reaching the user, optionally reporting spam.",
            ),
            slots=(
                _CONTACT_NAME,
                Slot(
                    "report_spam",
                    "boolean",
                    "Also report the number as spam.",
                    names=("report_spam", "report", "flag_as_spam"),
                    required=False,
                    default=False,
                    phrases=("and report it as spam", "and flag them as spam", "and report them"),
                ),
            ),
            queries=(
                "Block {name} {report_spam}.",
                "block {name}",
                "{name} keeps calling me; please block them {report_spam}.",
                "Can you block {name}?",
                "Could you stop calls from {name} {report_spam}?",
                "I never want to hear from {name} again.",
                "Please block {name}'s number.",
                "block contact {name} {report_spam}",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# recipes
# ---------------------------------------------------------------------------

_CUISINE = Slot(
    "cuisine",
    "enum",
    "Style of cooking.",
    names=("cuisine", "cuisine_type", "style"),
    required=False,
    choices=("italian", "mexican", "indian", "japanese", "thai", "french", "mediterranean"),
    aliases={
        "italian": ("Italian",),
        "mexican": ("Mexican",),
        "indian": ("Indian",),
        "japanese": ("Japanese",),
        "thai": ("Thai",),
        "french": ("French",),
        "mediterranean": ("Mediterranean", "Greek-style"),
    },
)

_DIET = Slot(
    "diet",
    "enum",
    "Dietary requirement.",
    names=("diet", "dietary_restriction", "diet_type"),
    required=False,
    choices=("vegetarian", "vegan", "gluten_free", "dairy_free", "nut_free", "low_carb"),
    aliases={
        "vegetarian": ("vegetarian", "veggie", "meat-free"),
        "vegan": ("vegan", "plant-based"),
        "gluten_free": ("gluten-free", "coeliac-safe"),
        "dairy_free": ("dairy-free", "lactose-free"),
        "nut_free": ("nut-free",),
        "low_carb": ("low-carb", "keto"),
    },
)

_COOK_UNITS = ("cups", "grams", "millilitres", "tablespoons", "teaspoons", "ounces")
_COOK_UNIT_ALIASES = {
    "cups": ("cups", "cup"),
    "grams": ("grams", "g"),
    "millilitres": ("millilitres", "ml", "milliliters"),
    "tablespoons": ("tablespoons", "tbsp"),
    "teaspoons": ("teaspoons", "tsp"),
    "ounces": ("ounces", "oz"),
}

RECIPES = Domain(
    "recipes",
    (
        Intent(
            names=(
                "search_recipes",
                "find_recipes_by_ingredients",
                "recipe_finder_search",
                "lookup_recipe_ideas",
            ),
            summaries=(
                "Find recipes that use given ingredients.",
                "Search recipes by ingredients, cuisine and cooking time.",
            ),
            slots=(
                Slot(
                    "ingredients",
                    "text",
                    "Ingredients to use.",
                    names=("ingredients", "ingredient_list", "with_ingredients"),
                    many=True,
                    examples=(
                        "chicken thighs",
                        "chickpeas",
                        "spinach",
                        "leftover rice",
                        "feta",
                        "sweet potato",
                        "eggs",
                        "mushrooms",
                    ),
                ),
                _CUISINE,
                Slot(
                    "max_minutes",
                    "integer",
                    "Most total cooking time in minutes.",
                    names=("max_minutes", "max_time", "time_limit"),
                    required=False,
                    minimum=10,
                    maximum=240,
                ),
            ),
            queries=(
                "What can I cook with {ingredients}?",
                "recipes {ingredients}",
                "Find me a {cuisine} recipe using {ingredients}.",
                "I have {ingredients} in the fridge and {max_minutes} minutes. Any ideas?",
                "Could you suggest something {cuisine} with {ingredients}, please?",
                "Search recipes with {ingredients} under {max_minutes} minutes.",
                "Dinner idea using {ingredients}?",
                "My kids only eat {ingredients}; find a recipe.",
                "{cuisine} dishes with {ingredients}, max {max_minutes} min",
            ),
        ),
        Intent(
            names=(
                "get_recipe_details",
                "recipe_details_lookup",
                "fetch_recipe_instructions",
                "show_recipe_steps",
            ),
            summaries=(
                "Get the ingredients and steps of a recipe.",
                "Show a recipe in full.",
            ),
            slots=(
                _RECIPE_ID,
                Slot(
                    "include_nutrition",
                    "boolean",
                    "Add nutrition facts.",
                    names=("include_nutrition", "nutrition", "with_nutrition"),
                    required=False,
                    default=False,
                    phrases=("with the nutrition facts", "including calories", "plus nutrition"),
                ),
            ),
            queries=(
                "Show me recipe {recipe_id} {include_nutrition}.",
                "recipe {recipe_id}",
                "How do I make {recipe_id}?",
                "Can you open {recipe_id} {include_nutrition}?",
                "I'm about to cook {recipe_id}; read me the steps.",
                "Could you please fetch the full recipe {recipe_id}?",
                "Get the ingredients for {recipe_id} {include_nutrition}.",
                "What's in recipe {recipe_id}?",
            ),
        ),
        Intent(
            names=(
                "scale_recipe",
                "recipe_scale_servings",
                "adjust_recipe_portions",
                "resize_recipe",
            ),
            summaries=(
                "Scale a recipe's quantities to a number of servings.",
                "Recalculate a recipe for more or fewer people.",
            ),
            slots=(_RECIPE_ID, _SERVINGS),
            queries=(
                "Scale {recipe_id} to {servings} servings.",
                "{recipe_id} for {servings}",
                "We're {servings} people tonight; adjust {recipe_id}.",
                "Can you resize recipe {recipe_id} to serve {servings}?",
                "Could you recalculate {recipe_id} for {servings} portions, please?",
                "I need {recipe_id} to feed {servings}.",
                "Make {recipe_id} serve {servings}.",
                "My in-laws are coming, so {servings} servings of {recipe_id} please.",
            ),
        ),
        Intent(
            names=(
                "convert_cooking_units",
                "kitchen_unit_converter",
                "cooking_measure_convert",
                "convert_recipe_measurement",
            ),
            summaries=(
                "Convert a kitchen quantity between units.",
                "Turn cups into grams, tablespoons into millilitres and so on.",
            ),
            slots=(
                Slot(
                    "amount",
                    "number",
                    "Quantity to convert.",
                    names=("amount", "quantity", "value"),
                    minimum=0.25,
                    maximum=1000,
                ),
                Slot(
                    "from_unit",
                    "enum",
                    "Unit of the quantity.",
                    names=("from_unit", "source_unit", "unit"),
                    choices=_COOK_UNITS,
                    aliases=_COOK_UNIT_ALIASES,
                ),
                Slot(
                    "to_unit",
                    "enum",
                    "Unit to convert to.",
                    names=("to_unit", "target_unit", "into_unit"),
                    choices=_COOK_UNITS,
                    aliases=_COOK_UNIT_ALIASES,
                ),
                Slot(
                    "ingredient",
                    "text",
                    "Ingredient, for volume-to-weight conversions.",
                    names=("ingredient", "substance", "item"),
                    required=False,
                    examples=("flour", "sugar", "butter", "rolled oats", "honey", "rice"),
                ),
            ),
            queries=(
                "Convert {amount} {from_unit} to {to_unit}.",
                "How many {to_unit} is {amount} {from_unit} of {ingredient}?",
                "{amount} {from_unit} {ingredient} in {to_unit}",
                "The recipe says {amount} {from_unit} but I measure in {to_unit}. How much?",
                "Could you convert {amount} {from_unit} of {ingredient} into {to_unit}, please?",
                "What's {amount} {from_unit} in {to_unit}?",
                "I need {amount} {from_unit} of {ingredient} expressed in {to_unit}.",
                "{amount} {from_unit} to {to_unit}",
            ),
        ),
        Intent(
            names=(
                "get_dish_nutrition",
                "nutrition_facts_lookup",
                "estimate_meal_calories",
                "fetch_food_nutrition",
            ),
            summaries=(
                "Estimate calories and macros of a dish.",
                "Look up nutrition facts per serving.",
            ),
            slots=(
                Slot(
                    "dish",
                    "text",
                    "The dish or food.",
                    names=("dish", "food", "meal"),
                    examples=(
                        "chicken tikka masala",
                        "Caesar salad",
                        "spaghetti carbonara",
                        "banana bread",
                        "veggie burrito",
                        "overnight oats",
                    ),
                ),
                Slot(
                    "servings",
                    "integer",
                    "Number of servings to total.",
                    names=("servings", "portions", "serving_count"),
                    required=False,
                    default=1,
                    minimum=1,
                    maximum=12,
                ),
            ),
            queries=(
                "How many calories are in {dish}?",
                "nutrition {dish}",
                "Calories for {servings} servings of {dish}?",
                "I'm tracking macros. What's in {dish}?",
                "Could you look up the nutrition facts for {dish}, please?",
                "Can you estimate protein and carbs in {servings} portions of {dish}?",
                "What would {dish} do to my calorie budget?",
                "Give me the nutrition breakdown of {dish}.",
            ),
        ),
        Intent(
            names=(
                "add_ingredients_to_shopping_list",
                "recipe_to_grocery_list",
                "shopping_list_from_recipe",
            ),
            summaries=(
                "Put a recipe's ingredients on the shopping list.",
                "Add what a recipe needs to the grocery list.",
            ),
            slots=(
                _RECIPE_ID,
                Slot(
                    "servings",
                    "integer",
                    "Servings to shop for.",
                    names=("servings", "portions", "serves"),
                    required=False,
                    minimum=1,
                    maximum=24,
                ),
                Slot(
                    "skip_pantry",
                    "boolean",
                    "Leave out staples already in the pantry.",
                    names=("skip_pantry", "exclude_staples", "skip_owned"),
                    required=False,
                    default=False,
                    phrases=(
                        "but skip what I already have",
                        "leaving out pantry staples",
                        "without the basics",
                    ),
                ),
            ),
            queries=(
                "Add the ingredients for {recipe_id} to my shopping list {skip_pantry}.",
                "shopping list {recipe_id}",
                "Put {recipe_id} on the grocery list for {servings} people.",
                "Can you make me a shopping list for {recipe_id} {skip_pantry}?",
                "I'm cooking {recipe_id} for {servings} on Saturday; add what I need to buy.",
                "Could you please list everything for {recipe_id} on my groceries {skip_pantry}?",
                "groceries for {recipe_id}, {servings} servings",
                "What do I need to buy for {recipe_id}? Add it to the list.",
            ),
        ),
        Intent(
            names=(
                "find_ingredient_substitute",
                "ingredient_substitution_lookup",
                "suggest_ingredient_swap",
                "get_cooking_substitute",
            ),
            summaries=(
                "Suggest a substitute for an ingredient.",
                "Find a swap for an ingredient, respecting a diet.",
            ),
            slots=(
                Slot(
                    "ingredient",
                    "text",
                    "Ingredient to replace.",
                    names=("ingredient", "ingredient_name", "item"),
                    examples=(
                        "buttermilk",
                        "eggs",
                        "heavy cream",
                        "soy sauce",
                        "breadcrumbs",
                        "brown sugar",
                    ),
                ),
                _DIET,
            ),
            queries=(
                "What can I use instead of {ingredient}?",
                "substitute for {ingredient}",
                "I ran out of {ingredient}. What's a good replacement?",
                "Give me a {diet} substitute for {ingredient}.",
                "Could you suggest a {diet} swap for {ingredient}, please?",
                "{diet} replacement {ingredient}",
                "I'm cooking {diet} for a guest; what do I use in place of {ingredient}?",
                "Can I replace {ingredient} with something else?",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# fitness
# ---------------------------------------------------------------------------

FITNESS = Domain(
    "fitness",
    (
        Intent(
            names=(
                "log_workout",
                "record_exercise_session",
                "workout_log_add",
                "add_training_entry",
            ),
            summaries=(
                "Log a workout with its activity and duration.",
                "Record an exercise session in the fitness diary.",
            ),
            slots=(
                _ACTIVITY,
                _DURATION_MINUTES,
                Slot(
                    "date",
                    "date",
                    "Day of the workout; today when left out.",
                    names=("date", "workout_date", "day"),
                    required=False,
                ),
                Slot(
                    "distance_km",
                    "number",
                    "Distance covered in kilometres.",
                    names=("distance_km", "distance", "km"),
                    required=False,
                    minimum=0.5,
                    maximum=200,
                ),
            ),
            queries=(
                "Log {duration_minutes} minutes of {activity}.",
                "I did {activity} for {duration_minutes} minutes on {date}.",
                "log {activity} {duration_minutes} min {distance_km} km",
                "Can you record {activity}, {duration_minutes} minutes, {distance_km} km?",
                "Add a workout: {activity} for {duration_minutes} minutes.",
                "Please log {duration_minutes} minutes of {activity} for {date}.",
                "Just finished {activity}, {duration_minutes} min. Save it.",
                "My trainer wants me to log everything: {activity}, {duration_minutes} minutes.",
                "Could you note {duration_minutes} min of {activity} covering {distance_km} km?",
            ),
        ),
        Intent(
            names=(
                "get_step_count",
                "daily_steps_lookup",
                "fetch_pedometer_steps",
                "step_count_for_day",
            ),
            summaries=(
                "Get the number of steps walked on a day.",
                "Read the step counter for a date.",
            ),
            slots=(_OPTIONAL_DATE,),
            queries=(
                "How many steps have I done today?",
                "steps {date}",
                "What was my step count on {date}?",
                "Did I hit 10,000 steps on {date}?",
                "Could you check my steps, please?",
                "I walked loads on {date}. How many steps was it?",
                "step count",
                "Can you tell me my steps for {date}?",
            ),
        ),
        Intent(
            names=(
                "set_fitness_goal",
                "fitness_goal_update",
                "create_activity_goal",
                "set_daily_activity_target",
            ),
            summaries=(
                "Set a daily activity goal.",
                "Change the target for steps, active minutes or calories.",
            ),
            slots=(
                Slot(
                    "goal_type",
                    "enum",
                    "What the goal measures.",
                    names=("goal_type", "metric", "goal"),
                    choices=("steps", "active_minutes", "calories", "floors"),
                    aliases={
                        "steps": ("steps",),
                        "active_minutes": ("active minutes", "minutes of exercise"),
                        "calories": ("calories", "kcal burned"),
                        "floors": ("floors", "flights of stairs"),
                    },
                ),
                Slot(
                    "target",
                    "integer",
                    "Daily target value.",
                    names=("target", "value", "goal_value"),
                    minimum=5,
                    maximum=30000,
                ),
            ),
            queries=(
                "Set my daily goal to {target} {goal_type}.",
                "goal {target} {goal_type}",
                "I want to aim for {target} {goal_type} a day.",
                "Can you change my {goal_type} target to {target}?",
                "Could you please update my daily {goal_type} goal to {target}?",
                "My doctor suggested {target} {goal_type} a day; set that as my goal.",
                "Make {target} {goal_type} my new target.",
                "new target: {target} {goal_type} per day",
            ),
        ),
        Intent(
            names=(
                "estimate_calories_burned",
                "calories_burned_calculator",
                "workout_calorie_estimate",
                "compute_exercise_calories",
            ),
            summaries=(
                "Estimate calories burned by an activity.",
                "Calculate energy spent in a workout from its length and body weight.",
            ),
            slots=(
                _ACTIVITY,
                _DURATION_MINUTES,
                Slot(
                    "weight_kg",
                    "number",
                    "Body weight in kilograms.",
                    names=("weight_kg", "body_weight", "weight"),
                    required=False,
                    minimum=35,
                    maximum=180,
                ),
            ),
            queries=(
                "How many calories does {duration_minutes} minutes of {activity} burn?",
                "calories {activity} {duration_minutes} min",
                "I weigh {weight_kg} kg; what does {duration_minutes} minutes of {activity} burn?",
                "Could you estimate the calories for {activity} over {duration_minutes} minutes?",
                "Can you work out calories burned: {activity}, {duration_minutes} minutes?",
                "Estimate energy used by {duration_minutes} min of {activity} at {weight_kg} kg.",
                "Is {duration_minutes} minutes of {activity} enough to burn off a pizza slice?",
                "Please calculate what I burned doing {activity} for {duration_minutes} minutes.",
            ),
        ),
        Intent(
            names=(
                "get_workout_history",
                "list_recent_workouts",
                "workout_history_lookup",
                "fetch_training_log",
            ),
            summaries=(
                "List recent workouts, optionally of one activity.",
                "Show the training log for the past days.",
            ),
            slots=(
                Slot(
                    "days",
                    "integer",
                    "How many days back.",
                    names=("days", "last_days", "lookback_days"),
                    required=False,
                    default=7,
                    minimum=1,
                    maximum=365,
                ),
                Slot(
                    "activity",
                    "enum",
                    "Only this activity.",
                    names=("activity", "activity_type", "sport"),
                    required=False,
                    choices=_ACTIVITY.choices,
                    aliases=_ACTIVITY.aliases,
                ),
            ),
            queries=(
                "Show my workouts from the last {days} days.",
                "workout history",
                "What {activity} have I done in the past {days} days?",
                "Could you list my recent workouts, please?",
                "I feel like I've slacked off. How many workouts in the last {days} days?",
                "Can you show all my {activity} sessions?",
                "training log {days} days",
                "Pull up my {activity} history for {days} days.",
                "What did I train this week?",
            ),
        ),
        Intent(
            names=(
                "log_body_weight",
                "record_weight_entry",
                "weight_log_add",
                "track_body_weight",
            ),
            summaries=(
                "Record a body weight measurement.",
                "Add a weigh-in to the weight log.",
            ),
            slots=(
                Slot(
                    "weight",
                    "number",
                    "Measured weight.",
                    names=("weight", "body_weight", "value"),
                    minimum=30,
                    maximum=250,
                ),
                Slot(
                    "unit",
                    "enum",
                    "Unit of the weight.",
                    names=("unit", "weight_unit", "units"),
                    required=False,
                    default="kg",
                    choices=("kg", "lb"),
                    aliases={"kg": ("kg", "kilos", "kilograms"), "lb": ("lb", "pounds", "lbs")},
                ),
                Slot(
                    "date",
                    "date",
                    "Day of the weigh-in; today when left out.",
                    names=("date", "measured_on", "day"),
                    required=False,
                ),
            ),
            queries=(
                "Log my weight as {weight} {unit}.",
                "weight {weight} {unit} {date}",
                "I weighed {weight} this morning.",
                "Record {weight} {unit} for {date}.",
                "Could you please add a weigh-in of {weight} {unit}?",
                "Can you note that I was {weight} {unit} on {date}?",
                "Save weight {weight}.",
                "Down to {weight} {unit}! Log it.",
            ),
        ),
        Intent(
            names=(
                "get_heart_rate_summary",
                "heart_rate_daily_stats",
                "fetch_heart_rate_data",
                "resting_heart_rate_lookup",
            ),
            summaries=(
                "Summarize heart rate for a day.",
                "Get resting, average and peak heart rate on a date.",
            ),
            slots=(
                _DATE,
                Slot(
                    "include_zones",
                    "boolean",
                    "Break down time in heart rate zones.",
                    names=("include_zones", "zones", "with_zones"),
                    required=False,
                    default=False,
                    phrases=("with time in each zone", "broken down by zone", "including zones"),
                ),
            ),
            queries=(
                "What was my resting heart rate on {date}?",
                "heart rate {date} {include_zones}",
                "Show my heart rate summary for {date} {include_zones}.",
                "Can you check my pulse data from {date}?",
                "I felt dizzy on {date}; how was my heart rate?",
                "Could you please get my heart rate stats for {date}?",
                "Heart rate on {date} {include_zones}",
                "How high did my heart rate go on {date}?",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# pets
# ---------------------------------------------------------------------------

PETS = Domain(
    "pets",
    (
        Intent(
            names=(
                "log_pet_feeding",
                "record_pet_meal",
                "pet_feeding_log",
                "add_pet_feeding_entry",
            ),
            summaries=(
                "Record that a pet was fed.",
                "Log a pet's meal with amount and time.",
            ),
            slots=(
                _PET_NAME,
                Slot(
                    "amount_grams",
                    "integer",
                    "Food amount in grams.",
                    names=("amount_grams", "grams", "portion_grams"),
                    required=False,
                    minimum=5,
                    maximum=1000,
                ),
                Slot(
                    "time",
                    "time",
                    "When the pet was fed; now when left out.",
                    names=("time", "fed_at", "feeding_time"),
                    required=False,
                ),
            ),
            queries=(
                "Log that I fed {pet_name}.",
                "{pet_name} fed {amount_grams} g at {time}",
                "I gave {pet_name} {amount_grams} grams of food.",
                "Can you record {pet_name}'s breakfast at {time}?",
                "Please note that {pet_name} ate {amount_grams} grams at {time}.",
                "Mark {pet_name} as fed.",
                "Could you log a meal for {pet_name}, please?",
                "My son fed {pet_name} at {time}; log it so nobody feeds her twice.",
                "fed {pet_name}",
            ),
        ),
        Intent(
            names=(
                "book_vet_appointment",
                "schedule_vet_visit",
                "vet_appointment_create",
                "request_veterinary_appointment",
            ),
            summaries=(
                "Book a vet appointment for a pet.",
                "Schedule a veterinary visit with a reason.",
            ),
            slots=(
                _PET_NAME,
                _DATE,
                Slot(
                    "time",
                    "time",
                    "Preferred time; first free slot when left out.",
                    names=("time", "preferred_time", "appointment_time"),
                    required=False,
                ),
                Slot(
                    "reason",
                    "text",
                    "Why the pet is seen.",
                    names=("reason", "visit_reason", "notes"),
                    required=False,
                    examples=(
                        "annual check-up",
                        "limp in the back leg",
                        "booster vaccination",
                        "ear infection",
                        "dental cleaning",
                        "loss of appetite",
                    ),
                ),
            ),
            queries=(
                "Book {pet_name} in at the vet on {date}.",
                "vet {pet_name} {date} {time}",
                "Can you get {pet_name} a vet appointment on {date} for {reason}?",
                "{pet_name} needs a vet on {date} at {time}: {reason}.",
                "I'm worried about {pet_name}; please book the vet for {date}.",
                "Could you schedule a vet visit for {pet_name} on {date} at {time}, please?",
                "Make a vet appointment on {date} for {pet_name}'s {reason}.",
                "Schedule {pet_name} with the vet for {date}.",
                "My vet wants to see {pet_name} on {date} for {reason}.",
            ),
        ),
        Intent(
            names=(
                "get_pet_vaccination_records",
                "pet_vaccine_history",
                "list_pet_vaccinations",
                "fetch_pet_immunizations",
            ),
            summaries=(
                "List a pet's vaccinations.",
                "Show which vaccines a pet has had and which are due.",
            ),
            slots=(
                _PET_NAME,
                Slot(
                    "include_upcoming",
                    "boolean",
                    "Also list boosters that are due.",
                    names=("include_upcoming", "show_due", "include_due"),
                    required=False,
                    default=False,
                    phrases=("and what's due next", "with upcoming boosters", "plus due dates"),
                ),
            ),
            queries=(
                "Show {pet_name}'s vaccination record {include_upcoming}.",
                "vaccines {pet_name}",
                "Is {pet_name} up to date on shots?",
                "Can you list {pet_name}'s vaccinations {include_upcoming}?",
                "The kennel wants proof of vaccination for {pet_name}. What do we have?",
                "Could you pull up {pet_name}'s immunisations, please?",
                "{pet_name} vaccination history {include_upcoming}",
                "When did {pet_name} last get jabs?",
            ),
        ),
        Intent(
            names=(
                "schedule_pet_medication",
                "pet_medication_reminder",
                "set_pet_dose_schedule",
                "create_pet_medicine_plan",
            ),
            summaries=(
                "Schedule recurring medication doses for a pet.",
                "Set reminders to give a pet its medicine.",
            ),
            slots=(
                _PET_NAME,
                Slot(
                    "medication",
                    "text",
                    "Name of the medicine.",
                    names=("medication", "medicine", "drug_name"),
                    examples=(
                        "flea treatment",
                        "antibiotics",
                        "joint supplement",
                        "heartworm tablet",
                        "eye drops",
                        "thyroid pill",
                    ),
                ),
                Slot(
                    "every_hours",
                    "integer",
                    "Hours between doses.",
                    names=("every_hours", "interval_hours", "frequency_hours"),
                    minimum=4,
                    maximum=168,
                ),
                Slot(
                    "days",
                    "integer",
                    "For how many days; ongoing when left out.",
                    names=("days", "course_days", "duration_days"),
                    required=False,
                    minimum=1,
                    maximum=90,
                ),
            ),
            queries=(
                "Remind me to give {pet_name} {medication} every {every_hours} hours.",
                "{pet_name} {medication} every {every_hours} h for {days} days",
                "The vet put {pet_name} on {medication} every {every_hours} hours for {days} days.",
                "Can you schedule {medication} for {pet_name} every {every_hours} hours?",
                "Could you please set up {pet_name}'s {medication}, every {every_hours} hours?",
                "I need reminders for {pet_name}'s {medication}: every {every_hours} hours.",
                "Set a {medication} plan for {pet_name}, {every_hours}-hour interval, {days} days.",
                "Every {every_hours} hours {pet_name} gets {medication}; please track it.",
            ),
        ),
        Intent(
            names=(
                "find_pet_sitter",
                "search_pet_care_services",
                "pet_sitter_lookup",
                "find_dog_walker",
            ),
            summaries=(
                "Find pet sitters, walkers or boarding nearby.",
                "Search local pet care services available on a date.",
            ),
            slots=(
                _CITY,
                _DATE,
                Slot(
                    "service",
                    "enum",
                    "Kind of care.",
                    names=("service", "service_type", "care_type"),
                    required=False,
                    default="sitting",
                    choices=("sitting", "walking", "boarding", "drop_in"),
                    aliases={
                        "sitting": ("pet sitter", "house sitter"),
                        "walking": ("dog walker",),
                        "boarding": ("boarding kennel", "cattery"),
                        "drop_in": ("drop-in sitter", "visiting pet carer"),
                    },
                ),
            ),
            queries=(
                "Find a {service} in {city} for {date}.",
                "pet sitter {city} {date}",
                "We're away on {date}. Is there a {service} in {city}?",
                "Can you look for pet care in {city} on {date}?",
                "Could you find me a {service} in {city} available on {date}, please?",
                "I need someone to look after the cat in {city} on {date}.",
                "{service} near {city}, {date}",
                "My neighbour can't help on {date}; search for a {service} in {city}.",
                "Any pet sitters free in {city} on {date}?",
            ),
        ),
        Intent(
            names=(
                "check_food_safe_for_pet",
                "pet_food_safety_lookup",
                "is_food_toxic_to_pet",
                "pet_toxicity_check",
            ),
            summaries=(
                "Check whether a food is safe for a kind of pet.",
                "Tell if a food is toxic to dogs, cats or other pets.",
            ),
            slots=(
                Slot(
                    "food",
                    "text",
                    "The food in question.",
                    names=("food", "food_item", "ingredient"),
                    examples=(
                        "grapes",
                        "chocolate",
                        "cooked chicken",
                        "avocado",
                        "carrots",
                        "onion",
                    ),
                ),
                Slot(
                    "species",
                    "enum",
                    _SPECIES.description,
                    names=_SPECIES.names,
                    choices=_SPECIES.choices,
                    aliases=_SPECIES.aliases,
                ),
            ),
            queries=(
                "Can a {species} eat {food}?",
                "{food} safe for {species}?",
                "Is {food} toxic to a {species}?",
                "My {species} just ate some {food}. Is that dangerous?",
                "Could you check if {food} is OK for my {species}, please?",
                "I want to give my {species} {food} as a treat; is it safe?",
                "Is {food} OK for a {species} to eat?",
                "Check {food} for a {species}.",
            ),
        ),
        Intent(
            names=(
                "lookup_pet_microchip",
                "microchip_registry_search",
                "find_pet_by_microchip",
                "pet_chip_lookup",
            ),
            summaries=(
                "Look up a pet's registration by microchip number.",
                "Find the owner contact for a microchip.",
            ),
            slots=(
                Slot(
                    "chip_number",
                    "identifier",
                    "The microchip number.",
                    names=("chip_number", "microchip_id", "chip_id"),
                    examples=(
                        "985112004567321",
                        "941000019283746",
                        "900164001234567",
                        "956000008765432",
                        "977200005551234",
                    ),
                ),
            ),
            queries=(
                "Look up microchip {chip_number}.",
                "chip {chip_number}",
                "I found a lost dog; the vet scanned chip {chip_number}. Who's the owner?",
                "Can you check the registry for microchip number {chip_number}?",
                "Could you please find who {chip_number} is registered to?",
                "Whose pet has the chip {chip_number}?",
                "Search microchip {chip_number}.",
                "The shelter read {chip_number} from the cat's chip; find the record.",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# gardening
# ---------------------------------------------------------------------------

GARDENING = Domain(
    "gardening",
    (
        Intent(
            names=(
                "get_plant_care_guide",
                "plant_care_lookup",
                "fetch_plant_care_tips",
                "houseplant_care_info",
            ),
            summaries=(
                "Get care instructions for a plant: light, water, soil.",
                "Look up how to look after a plant.",
            ),
            slots=(
                _PLANT,
                Slot(
                    "indoor",
                    "boolean",
                    "Advice for growing indoors.",
                    names=("indoor", "is_indoor", "houseplant"),
                    required=False,
                    default=False,
                    phrases=("indoors", "as a houseplant", "inside the house"),
                ),
            ),
            queries=(
                "How do I look after {plant} {indoor}?",
                "care guide {plant}",
                "What does {plant} need to grow well {indoor}?",
                "Could you give me care tips for {plant}, please?",
                "I was given {plant} and I keep killing plants. Help!",
                "Can you tell me the light and water needs of {plant}?",
                "{plant} care {indoor}",
                "How should I grow {plant} {indoor}?",
            ),
        ),
        Intent(
            names=(
                "get_watering_schedule",
                "plant_watering_plan",
                "watering_advice_lookup",
                "compute_watering_schedule",
            ),
            summaries=(
                "Suggest how often to water a plant given local weather.",
                "Work out a watering plan for a plant in a city.",
            ),
            slots=(
                _PLANT,
                Slot(
                    "city",
                    "city",
                    "Where the plant grows, for local weather.",
                    names=("city", "location", "city_name"),
                    required=False,
                ),
                Slot(
                    "pot_size_cm",
                    "integer",
                    "Pot diameter in centimetres, for container plants.",
                    names=("pot_size_cm", "pot_diameter", "container_size"),
                    required=False,
                    minimum=5,
                    maximum=120,
                ),
            ),
            queries=(
                "How often should I water {plant}?",
                "watering schedule {plant} {city}",
                "I'm in {city}. How often should I be watering {plant} this week?",
                "Can you make a watering plan for {plant} in a {pot_size_cm} cm pot?",
                "Could you tell me when to water {plant} in {city}, please?",
                "The leaves on my {plant} are drooping; am I watering too little?",
                "water {plant} in {pot_size_cm} cm pot how often",
                "Give me a watering schedule for {plant} growing in {city}.",
                "Should I water {plant} every day?",
            ),
        ),
        Intent(
            names=(
                "get_planting_calendar",
                "best_planting_dates",
                "planting_window_lookup",
                "when_to_sow_crop",
            ),
            summaries=(
                "Find the best dates to sow or plant a crop in a location.",
                "Get the planting window based on local frost dates.",
            ),
            slots=(
                _PLANT,
                _CITY,
                Slot(
                    "method",
                    "enum",
                    "How it is started.",
                    names=("method", "planting_method", "start_method"),
                    required=False,
                    default="direct_sow",
                    choices=("direct_sow", "indoor_start", "transplant"),
                    aliases={
                        "direct_sow": ("sow directly", "direct sowing", "sow outdoors"),
                        "indoor_start": ("start indoors", "start seeds inside"),
                        "transplant": ("transplant", "plant out"),
                    },
                ),
            ),
            queries=(
                "When should I plant {plant} in {city}?",
                "planting dates {plant} {city}",
                "{plant}: when to {method} near {city}?",
                "Is it too late to plant {plant} in {city}?",
                "Could you give me the planting window for {plant} in {city}, please?",
                "I'm in {city} and want to grow {plant} ({method}). When's best?",
                "Best time to grow {plant} in {city}?",
                "My allotment is near {city}; when do {plant} go in?",
                "{plant} sowing calendar for {city}",
            ),
        ),
        Intent(
            names=(
                "start_irrigation_zone",
                "run_sprinkler_zone",
                "irrigation_zone_on",
                "water_garden_zone",
            ),
            summaries=(
                "Run one zone of the garden irrigation for some minutes.",
                "Turn on a sprinkler zone for a set time.",
            ),
            slots=(
                Slot(
                    "zone",
                    "integer",
                    "Irrigation zone number.",
                    names=("zone", "zone_number", "zone_id"),
                    minimum=1,
                    maximum=12,
                ),
                Slot(
                    "minutes",
                    "integer",
                    "How long to run.",
                    names=("minutes", "duration_minutes", "run_time"),
                    required=False,
                    default=10,
                    minimum=1,
                    maximum=120,
                ),
            ),
            queries=(
                "Run sprinkler zone {zone} for {minutes} minutes.",
                "zone {zone} on",
                "Can you water zone {zone}?",
                "Please turn on irrigation zone {zone} for {minutes} min.",
                "The lawn in zone {zone} is parched; give it {minutes} minutes.",
                "Could you start zone {zone}, please?",
                "Water zone {zone} for {minutes} minutes.",
                "I need zone {zone} running now.",
            ),
        ),
        Intent(
            names=(
                "diagnose_plant_problem",
                "plant_disease_identifier",
                "identify_garden_pest",
                "plant_symptom_checker",
            ),
            summaries=(
                "Suggest likely causes and fixes for a sick plant.",
                "Diagnose a plant problem from its symptoms.",
            ),
            slots=(
                _PLANT,
                Slot(
                    "symptoms",
                    "text",
                    "What the plant looks like.",
                    names=("symptoms", "symptom", "description"),
                    examples=(
                        "yellow leaves with brown edges",
                        "white powder on the leaves",
                        "holes in the leaves",
                        "tiny green bugs under the leaves",
                        "black spots on the fruit",
                        "wilting even after watering",
                    ),
                ),
            ),
            queries=(
                "My {plant}: {symptoms}. What's wrong?",
                "{plant} {symptoms}",
                "What causes {symptoms} on {plant}?",
                "Can you diagnose my {plant}? I'm seeing {symptoms}.",
                "Could you help me figure out why my {plant} has {symptoms}, please?",
                "I noticed {symptoms} on the {plant} this morning. Is it a pest?",
                "How do I treat {plant} with {symptoms}?",
                "Diagnose {plant}: {symptoms}",
            ),
        ),
        Intent(
            names=(
                "interpret_soil_test",
                "soil_ph_advice",
                "soil_amendment_recommendation",
                "analyze_garden_soil",
            ),
            summaries=(
                "Recommend soil amendments from a pH reading.",
                "Interpret a soil test for a crop.",
            ),
            slots=(
                Slot(
                    "ph",
                    "number",
                    "Measured soil pH.",
                    names=("ph", "soil_ph", "ph_value"),
                    minimum=3.5,
                    maximum=9.5,
                ),
                Slot(
                    "crop",
                    "text",
                    "What will grow there.",
                    names=("crop", "plant", "target_plant"),
                    required=False,
                    examples=("blueberries", "potatoes", "roses", "lawn grass", "carrots"),
                ),
            ),
            queries=(
                "My soil pH is {ph}. What should I add?",
                "soil ph {ph} {crop}",
                "Is a pH of {ph} OK for {crop}?",
                "Could you interpret a soil test of pH {ph}, please?",
                "I want to grow {crop} but the soil reads {ph}; how do I fix it?",
                "Can you recommend amendments for soil at pH {ph}?",
                "pH {ph} - good or bad?",
                "What does a reading of {ph} mean for growing {crop}?",
            ),
        ),
        Intent(
            names=(
                "get_companion_plants",
                "companion_planting_lookup",
                "find_plant_companions",
                "list_good_plant_neighbours",
            ),
            summaries=(
                "List plants that grow well next to a given plant.",
                "Suggest companion plants and ones to keep apart.",
            ),
            slots=(
                _PLANT,
                Slot(
                    "include_avoid",
                    "boolean",
                    "Also list plants to keep away.",
                    names=("include_avoid", "show_bad_companions", "with_antagonists"),
                    required=False,
                    default=False,
                    phrases=(
                        "and which ones to avoid",
                        "plus what not to plant nearby",
                        "and bad neighbours",
                    ),
                ),
            ),
            queries=(
                "What grows well next to {plant}?",
                "companions for {plant} {include_avoid}",
                "Can you suggest companion plants for {plant} {include_avoid}?",
                "I'm planning a raised bed around {plant}. What should go with it?",
                "Could you list good neighbours for {plant}, please?",
                "What should I plant with {plant} {include_avoid}?",
                "companion planting {plant}",
                "Which flowers help {plant} keep pests away?",
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------
# music
# ---------------------------------------------------------------------------

MUSIC = Domain(
    "music",
    (
        Intent(
            names=(
                "play_song",
                "music_play_track",
                "start_song_playback",
                "play_track_by_title",
            ),
            summaries=(
                "Play a song, optionally by a given artist.",
                "Start playback of a track.",
            ),
            slots=(_SONG, _ARTIST),
            queries=(
                "Play {song}.",
                "Play {song} by {artist}.",
                "put on {song}",
                "Can you play {song} by {artist}?",
                "I'm in the mood for {song}.",
                "Could you please put on {artist}'s {song}?",
                "play {song} {artist}",
                "My daughter wants to hear {song}; start it please.",
                "Start {song} by {artist} on the speakers.",
            ),
        ),
        Intent(
            names=(
                "play_playlist",
                "start_playlist_playback",
                "music_playlist_play",
                "queue_playlist",
            ),
            summaries=(
                "Start playing a saved playlist.",
                "Play a playlist, optionally shuffled.",
            ),
            slots=(_PLAYLIST, _SHUFFLE),
            queries=(
                "Play my {playlist} playlist {shuffle}.",
                "playlist {playlist} {shuffle}",
                "Can you put on {playlist}?",
                "Start {playlist} {shuffle}.",
                "I'm heading out for a run; play {playlist}.",
                "Could you please play the {playlist} list {shuffle}?",
                "Queue up {playlist}.",
                "Put {playlist} on for the party.",
            ),
        ),
        Intent(
            names=(
                "create_playlist",
                "new_music_playlist",
                "playlist_create",
                "make_song_playlist",
            ),
            summaries=(
                "Create a new playlist, optionally with songs and public.",
                "Make a playlist.",
            ),
            slots=(
                _PLAYLIST,
                Slot(
                    "songs",
                    "text",
                    "Songs to start it with.",
                    names=("songs", "tracks", "initial_tracks"),
                    required=False,
                    many=True,
                    examples=_SONG.examples,
                ),
                Slot(
                    "public",
                    "boolean",
                    "Visible to everyone.",
                    names=("public", "is_public", "shared"),
                    required=False,
                    default=False,
                    phrases=("and make it public", "visible to everyone", "as a public list"),
                ),
            ),
            queries=(
                "Create a playlist called {playlist} {public}.",
                "new playlist {playlist} with {songs}",
                "Make me a playlist named {playlist} containing {songs}.",
                "Can you start a {playlist} playlist {public}?",
                "I want a new playlist, {playlist}, with {songs} in it.",
                "Could you please set up a playlist called {playlist}?",
                "playlist {playlist} {public}",
                "Build {playlist} from {songs}.",
            ),
        ),
        Intent(
            names=(
                "add_song_to_playlist",
                "playlist_add_track",
                "append_track_to_playlist",
                "save_song_to_playlist",
            ),
            summaries=(
                "Add a song to a playlist.",
                "Put a track on an existing playlist.",
            ),
            slots=(_SONG, _PLAYLIST),
            queries=(
                "Add {song} to {playlist}.",
                "{song} -> {playlist}",
                "Can you put {song} on my {playlist} playlist?",
                "Save {song} to {playlist}, please.",
                "I love {song}; stick it on {playlist}.",
                "Could you add the track {song} to {playlist}?",
                "add {song} {playlist}",
                "My friend recommended {song}; add it to {playlist}.",
            ),
        ),
        Intent(
            names=(
                "set_speaker_volume",
                "music_volume_set",
                "adjust_playback_volume",
                "change_speaker_volume",
            ),
            summaries=(
                "Set the playback volume, optionally on one speaker.",
                "Change how loud the music is.",
            ),
            slots=(
                Slot(
                    "level",
                    "integer",
                    "Volume in percent.",
                    names=("level", "volume", "volume_percent"),
                    minimum=0,
                    maximum=100,
                ),
                Slot(
                    "speaker",
                    "text",
                    "Which speaker; the active one when left out.",
                    names=("speaker", "device", "speaker_name"),
                    required=False,
                    examples=(
                        "kitchen speaker",
                        "living room soundbar",
                        "bedroom speaker",
                        "garden speaker",
                        "office headphones",
                    ),
                ),
            ),
            queries=(
                "Set the volume to {level}.",
                "volume {level}",
                "Turn the {speaker} to {level} percent.",
                "Can you put the music at {level}%?",
                "The baby's asleep; drop the {speaker} to {level}.",
                "Could you set the volume to {level}, please?",
                "{speaker} volume {level}",
                "Make it {level} percent.",
                "I need the {speaker} at {level}.",
            ),
        ),
        Intent(
            names=(
                "lookup_song_lyrics",
                "lyrics_lookup",
                "fetch_track_lyrics",
                "find_song_lyrics",
            ),
            summaries=(
                "Get the lyrics of a song.",
                "Look up the words to a track.",
            ),
            slots=(_SONG, _ARTIST),
            queries=(
                "Show me the lyrics to {song}.",
                "lyrics {song} {artist}",
                "What are the words to {song} by {artist}?",
                "Can you find the lyrics for {song}?",
                "I keep mishearing a line in {song}. Can you pull up the lyrics?",
                "Could you please get {artist}'s {song} lyrics?",
                "lyrics for {song}",
                "We're doing karaoke: lyrics to {song} by {artist}, please.",
            ),
        ),
        Intent(
            names=(
                "find_concerts",
                "search_live_concerts",
                "concert_listings_lookup",
                "find_artist_tour_dates",
            ),
            summaries=(
                "Find upcoming concerts by an artist, optionally in a city.",
                "Search tour dates and gigs.",
            ),
            slots=(
                Slot(
                    "artist",
                    "text",
                    "Artist or band.",
                    names=("artist", "artist_name", "performer"),
                    examples=_ARTIST.examples,
                ),
                Slot(
                    "city",
                    "city",
                    "Only concerts in this city.",
                    names=("city", "location", "near_city"),
                    required=False,
                ),
            ),
            queries=(
                "Is {artist} playing in {city} soon?",
                "{artist} tour dates",
                "Find {artist} concerts in {city}.",
                "Can you check when {artist} is on tour next?",
                "I'd love to see {artist} live. Any gigs near {city}?",
                "Could you please look up upcoming {artist} shows?",
                "concerts {artist} {city}",
                "My brother is a huge {artist} fan; are they playing anywhere soon?",
                "When does {artist} come to {city}?",
            ),
        ),
        Intent(
            names=(
                "play_genre_radio",
                "start_genre_station",
                "music_radio_by_genre",
                "stream_genre_mix",
            ),
            summaries=(
                "Start a radio station of a music genre.",
                "Play a mix of songs in a genre.",
            ),
            slots=(
                Slot(
                    "genre",
                    "enum",
                    "Music genre.",
                    names=("genre", "style", "music_genre"),
                    choices=(
                        "jazz",
                        "classical",
                        "rock",
                        "pop",
                        "hip_hop",
                        "country",
                        "electronic",
                        "lofi",
                    ),
                    aliases={
                        "jazz": ("jazz",),
                        "classical": ("classical", "classical music"),
                        "rock": ("rock", "classic rock"),
                        "pop": ("pop", "pop music"),
                        "hip_hop": ("hip hop", "rap"),
                        "country": ("country", "country music"),
                        "electronic": ("electronic", "EDM", "dance music"),
                        "lofi": ("lo-fi", "lofi beats", "chill beats"),
                    },
                ),
                _SHUFFLE,
            ),
            queries=(
                "Play some {genre}.",
                "{genre} radio",
                "Can you put on {genre} {shuffle}?",
                "I need {genre} to focus.",
                "Start a {genre} station {shuffle}.",
                "Could you please play {genre} music?",
                "Some {genre} for the dinner party {shuffle}",
                "Stream {genre}.",
                "My dad wants {genre} on in the car.",
            ),
        ),
    ),
)

DOMAINS: tuple[Domain, ...] = (
    WEATHER,
    SMART_HOME,
    CALENDAR,
    REMINDERS,
    NOTES,
    CONTACTS,
    RECIPES,
    FITNESS,
    PETS,
    GARDENING,
    MUSIC,
)
