"""Catalog domains for travel and places: trips, stays, getting around, eating out, events."""

from dataclasses import replace

from fncall.train.synth.catalog import Domain, Intent, Slot

# --- shared slots -------------------------------------------------------------------------

_ORIGIN_AIRPORT = Slot(
    "origin",
    "airport",
    "Airport the trip departs from.",
    names=("origin", "from_airport", "departure_airport"),
)
_DEST_AIRPORT = Slot(
    "destination",
    "airport",
    "Airport the trip arrives at.",
    names=("destination", "to_airport", "arrival_airport"),
)
_DEPARTURE_DATE = Slot(
    "departure_date",
    "date",
    "Day of departure.",
    names=("departure_date", "date", "travel_date"),
)
_CABIN = Slot(
    "cabin_class",
    "enum",
    "Cabin class of the seats.",
    names=("cabin_class", "cabin", "travel_class"),
    required=False,
    default="economy",
    choices=("economy", "premium_economy", "business", "first"),
    aliases={
        "economy": ("economy", "coach", "economy class"),
        "premium_economy": ("premium economy",),
        "business": ("business class", "business"),
        "first": ("first class",),
    },
)
_FLIGHT_NUMBER = Slot(
    "flight_number",
    "identifier",
    "Airline code and flight number.",
    names=("flight_number", "flight_no", "flight_code"),
    examples=("BA117", "LH401", "UA902", "AF1381", "DL44", "QF12"),
)
_BOOKING_REF = Slot(
    "booking_reference",
    "identifier",
    "Six-character airline booking reference.",
    names=("booking_reference", "pnr", "record_locator"),
    examples=("QX7R2P", "K4LM9T", "ZB82HD", "TR5NQW", "M3VX8A"),
)
_PASSENGER_NAME = Slot(
    "passenger_name",
    "person",
    "Full name of the passenger as on the ticket.",
    names=("passenger_name", "traveler_name", "name_on_ticket"),
)

_HOTEL_CITY = Slot("city", "city", "City to stay in.", names=("city", "destination", "location"))
_CHECK_IN = Slot(
    "check_in", "date", "Arrival date.", names=("check_in", "check_in_date", "arrival_date")
)
_CHECK_OUT = Slot(
    "check_out",
    "date",
    "Departure date.",
    names=("check_out", "check_out_date", "departure_date"),
)
_HOTEL_ID = Slot(
    "hotel_id",
    "identifier",
    "Identifier of the hotel property.",
    names=("hotel_id", "property_id", "hotel_code"),
    examples=("HTL-40921", "HTL-11873", "HTL-70254", "HTL-38816", "HTL-95302"),
)
_HOTEL_RESERVATION = Slot(
    "reservation_id",
    "identifier",
    "Hotel reservation number.",
    names=("reservation_id", "confirmation_number", "booking_id"),
    examples=("RSV-883104", "RSV-120457", "RSV-649382", "RSV-305518", "RSV-977260"),
)
_ROOM_TYPE = Slot(
    "room_type",
    "enum",
    "Kind of room.",
    names=("room_type", "room_category"),
    required=False,
    default="double",
    choices=("single", "double", "twin", "suite"),
    aliases={
        "single": ("single room", "single"),
        "double": ("double room", "room with a double bed"),
        "twin": ("twin room", "room with two beds"),
        "suite": ("suite", "junior suite"),
    },
)

_RENTAL_CONFIRMATION = Slot(
    "confirmation_number",
    "identifier",
    "Car rental confirmation number.",
    names=("confirmation_number", "rental_id", "reservation_number"),
    examples=("RNT-77310", "RNT-20458", "RNT-91127", "RNT-63094", "RNT-48862"),
)
_CAR_CLASS = Slot(
    "car_class",
    "enum",
    "Vehicle category.",
    names=("car_class", "vehicle_class", "category"),
    required=False,
    choices=("economy", "compact", "midsize", "suv", "van", "luxury"),
    aliases={
        "economy": ("economy", "small economy"),
        "compact": ("compact",),
        "midsize": ("midsize", "mid-size", "intermediate"),
        "suv": ("SUV", "sport utility"),
        "van": ("minivan", "people carrier", "van"),
        "luxury": ("luxury", "premium"),
    },
)

_PICKUP = Slot(
    "pickup",
    "text",
    "Where the rider is picked up.",
    names=("pickup", "pickup_address", "from_location"),
    examples=(
        "221 Baker Street",
        "the central train station",
        "Terminal 2 arrivals",
        "the Hilton on 5th Avenue",
        "40 Market Street",
        "the north entrance of the mall",
    ),
)
_DROPOFF = Slot(
    "dropoff",
    "text",
    "Where the rider wants to go.",
    names=("dropoff", "dropoff_address", "to_location"),
    examples=(
        "the airport",
        "Union Square",
        "14 Rue de Rivoli",
        "the convention center",
        "Mercy General Hospital",
        "Pier 39",
    ),
)
_RIDE_TYPE = Slot(
    "ride_type",
    "enum",
    "Kind of vehicle or service level.",
    names=("ride_type", "vehicle_type", "service_level"),
    required=False,
    default="standard",
    choices=("standard", "xl", "premium", "shared"),
    aliases={
        "standard": ("a standard car", "a regular ride"),
        "xl": ("an XL car", "a large car for six"),
        "premium": ("a premium car", "a black car"),
        "shared": ("a shared ride", "a carpool"),
    },
)
_RIDE_ID = Slot(
    "ride_id",
    "identifier",
    "Identifier of the ride.",
    names=("ride_id", "trip_id", "request_id"),
    examples=("RD-830571", "RD-102944", "RD-557310", "RD-246018", "RD-971203"),
)

_TRANSIT_MODES = Slot(
    "modes",
    "enum",
    "Kinds of transit to use.",
    names=("modes", "transit_modes", "allowed_modes"),
    required=False,
    many=True,
    choices=("bus", "train", "subway", "tram", "ferry"),
    aliases={
        "bus": ("bus", "coach"),
        "train": ("train", "rail", "commuter rail"),
        "subway": ("subway", "metro", "underground"),
        "tram": ("tram", "streetcar", "light rail"),
        "ferry": ("ferry", "boat"),
    },
)
_TRANSIT_LINE = Slot(
    "line",
    "text",
    "Transit line or route.",
    names=("line", "route", "line_name"),
    examples=("Bus 42", "U2", "Red Line", "S5", "Tram 9", "Route 66"),
)

_ROUTE_ORIGIN = Slot(
    "origin",
    "text",
    "Starting point.",
    names=("origin", "start", "from_location"),
    examples=(
        "home",
        "10 Downing Street",
        "Golden Gate Park",
        "the office",
        "Marienplatz",
        "Gate 3 parking lot",
    ),
)
_ROUTE_DEST = Slot(
    "destination",
    "text",
    "Where to go.",
    names=("destination", "end", "to_location"),
    examples=(
        "the Eiffel Tower",
        "1 Infinite Loop",
        "Lake Tahoe",
        "the downtown library",
        "Heathrow Terminal 5",
        "the stadium",
    ),
)
_TRAVEL_MODE = Slot(
    "travel_mode",
    "enum",
    "How the trip is made.",
    names=("travel_mode", "mode", "transport"),
    required=False,
    default="driving",
    choices=("driving", "walking", "cycling", "transit"),
    aliases={
        "driving": ("driving", "by car"),
        "walking": ("walking", "on foot"),
        "cycling": ("cycling", "by bike"),
        "transit": ("by public transport", "on transit"),
    },
)
_ADDRESS = Slot(
    "address",
    "text",
    "A street address or named place.",
    names=("address", "query", "location"),
    examples=(
        "1600 Pennsylvania Avenue NW, Washington",
        "Piazza del Duomo, Florence",
        "221B Baker Street, London",
        "350 Fifth Avenue, New York",
        "Rua Augusta 100, Lisbon",
        "Shibuya Crossing, Tokyo",
    ),
)

_RESTAURANT = Slot(
    "restaurant",
    "text",
    "Name of the restaurant.",
    names=("restaurant", "restaurant_name", "venue"),
    examples=(
        "Trattoria Lucca",
        "The Blue Door",
        "Sakura Sushi Bar",
        "Casa Miguel",
        "Le Petit Jardin",
        "Spice Route Kitchen",
    ),
)
_TABLE_RESERVATION = Slot(
    "reservation_code",
    "identifier",
    "Restaurant reservation code.",
    names=("reservation_code", "reservation_id", "booking_code"),
    examples=("TBL-30418", "TBL-77205", "TBL-12963", "TBL-58840", "TBL-90317"),
)
_LIMIT = Slot(
    "limit",
    "integer",
    "Most results to return.",
    names=("limit", "max_results", "count"),
    required=False,
    default=10,
    minimum=1,
    maximum=50,
)

_DELIVERY_ADDRESS = Slot(
    "delivery_address",
    "text",
    "Where the food is delivered.",
    names=("delivery_address", "address", "deliver_to"),
    examples=(
        "12 Oak Lane, Apt 4B",
        "the front desk at 500 Main Street",
        "Flat 3, 27 Camden Road",
        "88 Pine Street, floor 6",
        "1420 Elm Avenue",
    ),
)
_FOOD_ORDER = Slot(
    "order_id",
    "identifier",
    "Food delivery order number.",
    names=("order_id", "order_number", "delivery_id"),
    examples=("FD-558201", "FD-104377", "FD-930462", "FD-271885", "FD-646019"),
)

_PLATE = Slot(
    "license_plate",
    "identifier",
    "Vehicle license plate.",
    names=("license_plate", "plate", "vehicle_plate"),
    examples=("7ABC123", "KA05MN4471", "LD21 XPT", "B-MX 2219", "ABC-1234"),
)
_PLATE_OPTIONAL = replace(_PLATE, required=False)
_PARKING_SESSION = Slot(
    "session_id",
    "identifier",
    "Active parking session.",
    names=("session_id", "parking_session_id", "session"),
    examples=("PS-90012", "PS-41587", "PS-73206", "PS-28849", "PS-65130"),
)

_EVENT_ID = Slot(
    "event_id",
    "identifier",
    "Identifier of the event listing.",
    names=("event_id", "listing_id", "show_id"),
    examples=("EVT-104582", "EVT-330917", "EVT-785204", "EVT-229461", "EVT-561038"),
)
_TICKET_ORDER = Slot(
    "ticket_order_id",
    "identifier",
    "Ticket order number.",
    names=("ticket_order_id", "order_id", "order_number"),
    examples=("TKT-77301", "TKT-20958", "TKT-64412", "TKT-98127", "TKT-35506"),
)

_CANCEL_REASON_EXAMPLES = (
    "change of travel plans",
    "family emergency",
    "booked the wrong dates",
    "found a cheaper option",
    "my flight was cancelled",
)


# --- flights --------------------------------------------------------------------------------

FLIGHTS = Domain(
    "flights",
    (
        Intent(
            names=(
                "search_flights",
                "find_flight_options",
                "flight_search",
                "lookup_available_flights",
            ),
            summaries=(
                "Search for flights between two airports on a given date.",
                "Find available flights and fares for a route and departure day.",
                "List flight options from an origin to a destination.",
            ),
            slots=(
                _ORIGIN_AIRPORT,
                _DEST_AIRPORT,
                _DEPARTURE_DATE,
                _CABIN,
                Slot(
                    "nonstop_only",
                    "boolean",
                    "Only show flights without stops.",
                    names=("nonstop_only", "direct_only"),
                    required=False,
                    default=False,
                    phrases=("nonstop only", "with no layovers", "direct flights only"),
                ),
            ),
            queries=(
                "Find flights from {origin} to {destination} on {departure_date}.",
                "flights {origin} {destination} {departure_date}",
                "Can you look up flights from {origin} to {destination} in {cabin_class}?"
                " I leave on {departure_date}.",
                "I need to get from {origin} to {destination} on {departure_date} {nonstop_only}.",
                "What flights go from {origin} to {destination} on {departure_date} "
                "{nonstop_only}?",
                "Could you please search {origin} to {destination} for {departure_date}?",
                "My boss wants to fly {origin} to {destination} on {departure_date} "
                "in {cabin_class}.",
                "Show me options from {origin} to {destination} for {departure_date}, "
                "flying {cabin_class} {nonstop_only}.",
                "We're flying out of {origin} to {destination} on {departure_date}; "
                "what are our choices?",
                "search {origin}-{destination} departing {departure_date} {cabin_class}",
            ),
        ),
        Intent(
            names=(
                "book_flight_ticket",
                "create_flight_booking",
                "reserve_flight",
                "flight_booking_create",
            ),
            summaries=(
                "Book seats on a specific flight for one or more passengers.",
                "Create a flight reservation and issue e-tickets.",
            ),
            slots=(
                _FLIGHT_NUMBER,
                _DEPARTURE_DATE,
                Slot(
                    "passengers",
                    "person",
                    "Full names of everyone travelling.",
                    names=("passengers", "passenger_names", "travelers"),
                    many=True,
                ),
                _CABIN,
                Slot(
                    "contact_email",
                    "email",
                    "Where the e-tickets are sent.",
                    names=("contact_email", "email"),
                    required=False,
                ),
            ),
            queries=(
                "Book {flight_number} on {departure_date} for {passengers}.",
                "Please reserve {cabin_class} seats on flight {flight_number} on "
                "{departure_date} for {passengers}.",
                "Can you book {passengers} on {flight_number} for {departure_date} and send "
                "the tickets to {contact_email}?",
                "I need to book flight {flight_number} on {departure_date} for {passengers}.",
                "book {flight_number} {departure_date} pax {passengers}",
                "My manager asked me to put {passengers} on {flight_number} on "
                "{departure_date} in {cabin_class}.",
                "Could you please book {flight_number} for {departure_date}? "
                "Travelers: {passengers}. E-tickets to {contact_email}.",
                "Get {passengers} a seat on {flight_number} departing {departure_date}.",
                "Reserve flight {flight_number} on {departure_date} for {passengers}, "
                "confirmation to {contact_email}.",
            ),
        ),
        Intent(
            names=(
                "get_flight_status",
                "check_flight_status",
                "flight_status_lookup",
                "fetch_flight_tracking_info",
            ),
            summaries=(
                "Get the live status of a flight: delays, gate and departure time.",
                "Check whether a flight is on time, delayed, departed or landed.",
            ),
            slots=(
                _FLIGHT_NUMBER,
                Slot(
                    "date",
                    "date",
                    "Scheduled departure day; today when omitted.",
                    names=("date", "departure_date", "flight_date"),
                    required=False,
                ),
            ),
            queries=(
                "Is {flight_number} on time?",
                "What's the status of flight {flight_number} on {date}?",
                "flight status {flight_number}",
                "Check whether {flight_number} is delayed.",
                "Could you please tell me if flight {flight_number} on {date} has landed?",
                "My mom is on {flight_number}; has it taken off yet?",
                "I need the gate and departure time for {flight_number} on {date}.",
                "{flight_number} {date} delayed?",
                "Track flight {flight_number} for me.",
            ),
        ),
        Intent(
            names=(
                "cancel_flight_booking",
                "flight_reservation_cancel",
                "void_flight_ticket",
                "cancel_air_reservation",
            ),
            summaries=(
                "Cancel a flight booking and request a refund.",
                "Cancel an airline reservation by its booking reference.",
            ),
            slots=(
                _BOOKING_REF,
                Slot(
                    "refund_as_voucher",
                    "boolean",
                    "Take travel credit instead of a cash refund.",
                    names=("refund_as_voucher", "voucher_instead"),
                    required=False,
                    default=False,
                    phrases=(
                        "and take the refund as a voucher",
                        "for travel credit instead of cash",
                    ),
                ),
            ),
            queries=(
                "Cancel my flight booking {booking_reference} {refund_as_voucher}.",
                "cancel pnr {booking_reference}",
                "Can you cancel reservation {booking_reference}?",
                "I won't be travelling after all; please cancel {booking_reference} "
                "{refund_as_voucher}.",
                "Could you please void the ticket under booking reference {booking_reference}?",
                "My plans changed, so I need to cancel flight reservation {booking_reference}.",
                "Please drop booking {booking_reference} {refund_as_voucher}.",
                "Go ahead and cancel the trip booked under {booking_reference}.",
            ),
        ),
        Intent(
            names=(
                "choose_flight_seat",
                "assign_flight_seat",
                "flight_seat_select",
                "update_flight_seat_preference",
            ),
            summaries=(
                "Pick a seat on a booked flight.",
                "Assign a window, aisle or middle seat to a passenger on a booking.",
            ),
            slots=(
                _BOOKING_REF,
                Slot(
                    "seat_type",
                    "enum",
                    "Preferred seat position.",
                    names=("seat_type", "seat_preference", "position"),
                    choices=("window", "aisle", "middle"),
                    aliases={
                        "window": ("window seat", "seat by the window"),
                        "aisle": ("aisle seat", "seat on the aisle"),
                        "middle": ("middle seat",),
                    },
                ),
                replace(_PASSENGER_NAME, required=False),
                Slot(
                    "extra_legroom",
                    "boolean",
                    "Prefer a seat with extra legroom.",
                    names=("extra_legroom", "legroom"),
                    required=False,
                    default=False,
                    phrases=("with extra legroom", "in an exit row"),
                ),
            ),
            queries=(
                "Put me in the {seat_type} on booking {booking_reference} {extra_legroom}.",
                "seat {booking_reference} {seat_type}",
                "Can I get the {seat_type} for {passenger_name} on reservation "
                "{booking_reference}?",
                "I always sit in the {seat_type}; please set that for {booking_reference}.",
                "Could you please change {passenger_name} to the {seat_type} on "
                "{booking_reference}?",
                "Select the {seat_type} on {booking_reference} {extra_legroom}.",
                "For booking {booking_reference}, seat preference: {seat_type}.",
                "Please reserve the {seat_type} for {passenger_name}, booking "
                "{booking_reference} {extra_legroom}.",
                "We'd like the {seat_type} on flight booking {booking_reference}.",
            ),
        ),
        Intent(
            names=(
                "add_checked_baggage",
                "purchase_extra_bags",
                "flight_baggage_add",
                "buy_checked_bag_allowance",
            ),
            summaries=(
                "Add checked bags to an existing flight booking.",
                "Buy extra baggage allowance for a reservation.",
            ),
            slots=(
                _BOOKING_REF,
                Slot(
                    "bags",
                    "integer",
                    "Number of checked bags to add.",
                    names=("bags", "bag_count", "num_bags"),
                    minimum=1,
                    maximum=5,
                ),
                Slot(
                    "oversized",
                    "boolean",
                    "The bags include sports or oversized equipment.",
                    names=("oversized", "special_equipment"),
                    required=False,
                    default=False,
                    phrases=("including oversized sports gear", "with one oversized item"),
                ),
            ),
            queries=(
                "Add {bags} checked bags to booking {booking_reference} {oversized}.",
                "bags {bags} for {booking_reference}",
                "Can you buy {bags} extra suitcases for reservation {booking_reference}?",
                "I'm bringing more luggage: {bags} checked bags on {booking_reference} "
                "{oversized}.",
                "Could you please add checked baggage to {booking_reference}? "
                "Number of bags: {bags}.",
                "We need {bags} more bags on the {booking_reference} booking.",
                "Purchase baggage allowance for {booking_reference}, {bags} pieces {oversized}.",
                "How much to add {bags} bags to {booking_reference}? Go ahead and add them.",
            ),
        ),
        Intent(
            names=(
                "check_in_for_flight",
                "flight_online_checkin",
                "do_flight_check_in",
                "web_check_in_flight",
            ),
            summaries=(
                "Check a passenger in online and issue the boarding pass.",
                "Do web check-in for a flight booking.",
            ),
            slots=(
                _BOOKING_REF,
                _PASSENGER_NAME,
                Slot(
                    "send_boarding_pass_to",
                    "email",
                    "Where to email the boarding pass.",
                    names=("send_boarding_pass_to", "email"),
                    required=False,
                ),
            ),
            queries=(
                "Check in {passenger_name} for booking {booking_reference}.",
                "checkin {booking_reference} {passenger_name}",
                "Check in {passenger_name} ({booking_reference}), boarding pass to "
                "{send_boarding_pass_to}.",
                "I need to check in for my flight: booking {booking_reference}, "
                "name {passenger_name}.",
                "Could you please check {passenger_name} in on reservation {booking_reference}?",
                "Online check-in is open -- do it for {passenger_name}, PNR {booking_reference}.",
                "Can you check in {passenger_name} on {booking_reference} and email the pass "
                "to {send_boarding_pass_to}?",
                "My colleague {passenger_name} is on booking {booking_reference}; "
                "please check them in.",
                "Get {passenger_name} checked in for {booking_reference}.",
            ),
        ),
        Intent(
            names=(
                "create_flight_price_alert",
                "track_airfare_price",
                "flight_fare_watch_create",
                "set_airfare_alert",
            ),
            summaries=(
                "Watch a route and notify when the fare drops below a target price.",
                "Create an airfare price alert for a route.",
            ),
            slots=(
                _ORIGIN_AIRPORT,
                _DEST_AIRPORT,
                Slot(
                    "max_price",
                    "number",
                    "Alert when the fare drops below this amount.",
                    names=("max_price", "target_price", "price_threshold"),
                    minimum=30,
                    maximum=5000,
                ),
                Slot(
                    "notify_email",
                    "email",
                    "Where to send the alert.",
                    names=("notify_email", "email"),
                    required=False,
                ),
            ),
            queries=(
                "Alert me when flights from {origin} to {destination} drop below {max_price}.",
                "fare alert {origin} {destination} under {max_price}",
                "Can you watch {origin}-{destination} fares and tell {notify_email} when "
                "they are under {max_price}?",
                "I want to know when {origin} to {destination} costs less than {max_price}.",
                "Please set a price alert for {origin} to {destination} at {max_price}.",
                "Could you please track airfares from {origin} to {destination} for me? "
                "My limit is {max_price}.",
                "Track {origin}-{destination} prices; notify {notify_email} below {max_price}.",
                "My wife wants to visit {destination} from {origin} if tickets go under "
                "{max_price}.",
            ),
        ),
    ),
)


# --- hotels ---------------------------------------------------------------------------------

HOTELS = Domain(
    "hotels",
    (
        Intent(
            names=(
                "search_hotels",
                "find_hotel_rooms",
                "hotel_search",
                "lookup_hotels_in_city",
            ),
            summaries=(
                "Search hotels in a city for a range of dates.",
                "Find available hotel rooms for a stay.",
                "List places to stay in a city between check-in and check-out.",
            ),
            slots=(
                _HOTEL_CITY,
                _CHECK_IN,
                _CHECK_OUT,
                Slot(
                    "guests",
                    "integer",
                    "Number of guests.",
                    names=("guests", "adults", "num_guests"),
                    required=False,
                    default=2,
                    minimum=1,
                    maximum=10,
                ),
                Slot(
                    "max_price_per_night",
                    "number",
                    "Highest nightly rate.",
                    names=("max_price_per_night", "max_rate", "budget_per_night"),
                    required=False,
                    minimum=20,
                    maximum=2000,
                ),
            ),
            queries=(
                "Find hotels in {city} from {check_in} to {check_out}.",
                "hotels {city} {check_in} - {check_out}",
                "Can you find a room in {city} for {guests} people, arriving {check_in} "
                "and leaving {check_out}?",
                "I need somewhere to stay in {city} from {check_in} until {check_out}, "
                "under {max_price_per_night} a night.",
                "Could you please search hotels in {city}, checking in on {check_in} "
                "and out on {check_out}?",
                "My boss wants a hotel in {city} for {check_in} through {check_out}.",
                "Show hotels in {city} under {max_price_per_night} per night, {check_in} "
                "to {check_out}, {guests} guests.",
                "What's available in {city} between {check_in} and {check_out} "
                "for {guests} adults?",
                "Look for accommodation in {city}, {check_in} to {check_out}.",
            ),
        ),
        Intent(
            names=(
                "book_hotel_room",
                "create_hotel_reservation",
                "reserve_hotel_stay",
                "hotel_booking_make",
            ),
            summaries=(
                "Reserve a room at a specific hotel for given dates.",
                "Book a hotel stay and send the confirmation.",
            ),
            slots=(
                _HOTEL_ID,
                _CHECK_IN,
                _CHECK_OUT,
                _ROOM_TYPE,
                Slot(
                    "guest_email",
                    "email",
                    "Where the confirmation is sent.",
                    names=("guest_email", "email", "contact_email"),
                    required=False,
                ),
            ),
            queries=(
                "Book hotel {hotel_id} from {check_in} to {check_out}.",
                "Reserve a {room_type} at {hotel_id}, {check_in} to {check_out}.",
                "book {hotel_id} {check_in} {check_out}",
                "Can you book me a {room_type} at property {hotel_id} from {check_in} "
                "until {check_out}?",
                "I'd like to reserve {hotel_id} for {check_in} to {check_out}; "
                "confirmation to {guest_email}.",
                "Could you please make a reservation at {hotel_id}, arriving {check_in}, "
                "departing {check_out}?",
                "My parents need a {room_type} at hotel {hotel_id} from {check_in} to {check_out}.",
                "Please book {hotel_id}: in {check_in}, out {check_out}, send details "
                "to {guest_email}.",
                "Go ahead and book {hotel_id}, checking in {check_in} and out {check_out}.",
            ),
        ),
        Intent(
            names=(
                "cancel_hotel_reservation",
                "hotel_booking_cancel",
                "void_hotel_reservation",
            ),
            summaries=(
                "Cancel a hotel reservation.",
                "Cancel a booked hotel stay, optionally giving a reason.",
            ),
            slots=(
                _HOTEL_RESERVATION,
                Slot(
                    "reason",
                    "text",
                    "Why the stay is cancelled.",
                    names=("reason", "cancellation_reason"),
                    required=False,
                    examples=(
                        *_CANCEL_REASON_EXAMPLES,
                        "the conference moved online",
                    ),
                ),
            ),
            queries=(
                "Cancel hotel reservation {reservation_id}.",
                "cancel {reservation_id}",
                "Can you cancel my hotel booking {reservation_id}? Reason: {reason}.",
                "I need to cancel reservation {reservation_id} -- {reason}.",
                "Please cancel the room under {reservation_id}; {reason}.",
                "Could you please cancel hotel stay {reservation_id}?",
                "My trip is off, so drop the hotel reservation {reservation_id}.",
                "cancel booking {reservation_id}, reason {reason}",
                "Get rid of hotel reservation {reservation_id} for me.",
            ),
        ),
        Intent(
            names=(
                "get_hotel_details",
                "hotel_info_lookup",
                "fetch_hotel_profile",
                "describe_hotel_property",
            ),
            summaries=(
                "Get a hotel's address, amenities, rating and policies.",
                "Look up the details of a hotel property.",
            ),
            slots=(
                _HOTEL_ID,
                Slot(
                    "include_reviews",
                    "boolean",
                    "Add recent guest reviews.",
                    names=("include_reviews", "with_reviews"),
                    required=False,
                    default=False,
                    phrases=("with guest reviews", "including what guests say"),
                ),
            ),
            queries=(
                "Tell me about hotel {hotel_id} {include_reviews}.",
                "hotel info {hotel_id}",
                "What amenities does {hotel_id} have?",
                "Can you pull up the details of property {hotel_id} {include_reviews}?",
                "I need to know more about {hotel_id} before I book.",
                "Could you please show the profile for hotel {hotel_id} {include_reviews}?",
                "Does {hotel_id} have a pool and free breakfast?",
                "details on {hotel_id} {include_reviews}",
                "Look up hotel {hotel_id}.",
            ),
        ),
        Intent(
            names=(
                "change_hotel_reservation_dates",
                "modify_hotel_booking",
                "hotel_reservation_update",
                "reschedule_hotel_stay",
            ),
            summaries=(
                "Change the check-in and check-out dates of a hotel reservation.",
                "Move an existing hotel stay to new dates.",
            ),
            slots=(
                _HOTEL_RESERVATION,
                Slot(
                    "new_check_in",
                    "date",
                    "New arrival date.",
                    names=("new_check_in", "check_in", "arrival_date"),
                ),
                Slot(
                    "new_check_out",
                    "date",
                    "New departure date.",
                    names=("new_check_out", "check_out", "departure_date"),
                ),
            ),
            queries=(
                "Move hotel reservation {reservation_id} to {new_check_in} - {new_check_out}.",
                "change {reservation_id} dates {new_check_in} to {new_check_out}",
                "Can you shift my stay {reservation_id} so I arrive on {new_check_in} "
                "and leave on {new_check_out}?",
                "I need to reschedule booking {reservation_id}: check in {new_check_in}, "
                "check out {new_check_out}.",
                "Could you please change the dates on {reservation_id} to {new_check_in} "
                "through {new_check_out}?",
                "My meeting moved; update reservation {reservation_id} to {new_check_in} "
                "until {new_check_out}.",
                "Please modify {reservation_id}: new arrival {new_check_in}, "
                "new departure {new_check_out}.",
                "Rebook {reservation_id} for {new_check_in} to {new_check_out}.",
            ),
        ),
        Intent(
            names=(
                "check_hotel_room_availability",
                "hotel_availability_check",
                "get_hotel_rates",
                "lookup_hotel_room_prices",
            ),
            summaries=(
                "Check whether a hotel has rooms free for given dates, with prices.",
                "Get room availability and nightly rates at one hotel.",
            ),
            slots=(
                _HOTEL_ID,
                _CHECK_IN,
                _CHECK_OUT,
                Slot(
                    "rooms",
                    "integer",
                    "Number of rooms needed.",
                    names=("rooms", "room_count", "num_rooms"),
                    required=False,
                    default=1,
                    minimum=1,
                    maximum=9,
                ),
                _ROOM_TYPE,
            ),
            queries=(
                "Does {hotel_id} have rooms from {check_in} to {check_out}?",
                "availability {hotel_id} {check_in} {check_out}",
                "Check if hotel {hotel_id} has {rooms} rooms free from {check_in} to {check_out}.",
                "What's the rate for a {room_type} at {hotel_id} from {check_in} to {check_out}?",
                "I need {rooms} rooms at {hotel_id}, arriving {check_in}, leaving "
                "{check_out}; is that possible?",
                "Could you please check prices at {hotel_id} for {check_in} until {check_out}?",
                "Is a {room_type} available at {hotel_id} between {check_in} and {check_out}?",
                "Our team needs {rooms} rooms at {hotel_id}, {check_in} to {check_out}. Any space?",
                "room prices at {hotel_id} for {check_in} to {check_out}",
            ),
        ),
        Intent(
            names=(
                "add_hotel_special_request",
                "hotel_request_submit",
                "send_hotel_guest_request",
            ),
            summaries=(
                "Pass a special request to the hotel for a reservation.",
                "Ask the hotel for something extra during a stay.",
            ),
            slots=(
                _HOTEL_RESERVATION,
                Slot(
                    "request",
                    "text",
                    "What the guest asks for.",
                    names=("request", "special_request", "note"),
                    examples=(
                        "late check-out at 2 pm",
                        "extra pillows and a blanket",
                        "a quiet room away from the elevator",
                        "an airport shuttle on arrival",
                        "a baby crib in the room",
                        "early check-in around 10 am",
                    ),
                ),
            ),
            queries=(
                "Add a request to reservation {reservation_id}: {request}.",
                "request {reservation_id} {request}",
                "Can you ask the hotel for {request} on booking {reservation_id}?",
                "I'd like {request} for my stay {reservation_id}.",
                "Could you please note {request} on hotel reservation {reservation_id}?",
                "We're arriving tired; please arrange {request} for {reservation_id}.",
                "Please tell the front desk of {reservation_id} that we need {request}.",
                "Special request for {reservation_id}: {request}",
                "Let the hotel know (booking {reservation_id}) we want {request}.",
            ),
        ),
    ),
)


# --- car rental -----------------------------------------------------------------------------

CAR_RENTAL = Domain(
    "car_rental",
    (
        Intent(
            names=(
                "search_rental_cars",
                "find_car_rentals",
                "rental_car_search",
                "list_available_rental_cars",
            ),
            summaries=(
                "Search rental cars available at a location for given dates.",
                "Find car hire offers between a pickup and a return date.",
            ),
            slots=(
                Slot(
                    "pickup_location",
                    "city",
                    "Where the car is picked up.",
                    names=("pickup_location", "pickup_city", "location"),
                ),
                Slot(
                    "pickup_date",
                    "date",
                    "Day the rental starts.",
                    names=("pickup_date", "start_date", "from_date"),
                ),
                Slot(
                    "return_date",
                    "date",
                    "Day the car is returned.",
                    names=("return_date", "end_date", "dropoff_date"),
                ),
                _CAR_CLASS,
                Slot(
                    "automatic_only",
                    "boolean",
                    "Only cars with automatic transmission.",
                    names=("automatic_only", "automatic"),
                    required=False,
                    default=False,
                    phrases=("with automatic transmission", "automatic only"),
                ),
            ),
            queries=(
                "Find rental cars in {pickup_location} from {pickup_date} to {return_date} "
                "{automatic_only}.",
                "car rental {pickup_location} {pickup_date} {return_date}",
                "Can you find me a car in {pickup_location}, picking up on {pickup_date}, "
                "returning on {return_date}?",
                "I need wheels in {pickup_location} from {pickup_date} until {return_date}, "
                "class {car_class}.",
                "Could you please list {car_class} rentals in {pickup_location} for "
                "{pickup_date} to {return_date}?",
                "We land in {pickup_location} on {pickup_date} and leave on {return_date}; "
                "what cars are there {automatic_only}?",
                "Show {car_class} options in {pickup_location}, {pickup_date} - {return_date} "
                "{automatic_only}.",
                "My dad wants to rent a car in {pickup_location} from {pickup_date} "
                "to {return_date}.",
                "What does a rental cost in {pickup_location} between {pickup_date} "
                "and {return_date}?",
            ),
        ),
        Intent(
            names=(
                "reserve_rental_car",
                "book_car_rental",
                "car_rental_booking_create",
                "rent_car_from_offer",
            ),
            summaries=(
                "Book a rental car offer for a named driver.",
                "Reserve a car from a rental search result.",
            ),
            slots=(
                Slot(
                    "offer_id",
                    "identifier",
                    "Rental offer from a search.",
                    names=("offer_id", "quote_id", "vehicle_offer_id"),
                    examples=("CAR-55210", "CAR-10384", "CAR-87261", "CAR-40019", "CAR-66752"),
                ),
                Slot(
                    "driver_name",
                    "person",
                    "Main driver's full name.",
                    names=("driver_name", "primary_driver", "renter_name"),
                ),
                Slot(
                    "driver_age",
                    "integer",
                    "Age of the main driver.",
                    names=("driver_age", "age"),
                    required=False,
                    minimum=18,
                    maximum=99,
                ),
                Slot(
                    "full_insurance",
                    "boolean",
                    "Add full insurance with no excess.",
                    names=("full_insurance", "add_insurance"),
                    required=False,
                    default=False,
                    phrases=("with full insurance", "including zero-excess cover"),
                ),
            ),
            queries=(
                "Book rental offer {offer_id} for {driver_name} {full_insurance}.",
                "reserve {offer_id} driver {driver_name}",
                "Can you reserve car {offer_id} under {driver_name}, age {driver_age}?",
                "I'll take offer {offer_id}; the driver is {driver_name} {full_insurance}.",
                "Could you please book {offer_id} with {driver_name} as the main driver?",
                "My colleague {driver_name} ({driver_age}) will drive -- book {offer_id} "
                "{full_insurance}.",
                "Please confirm rental {offer_id} for {driver_name}, who is {driver_age}.",
                "rent {offer_id}, driver {driver_name}, age {driver_age} {full_insurance}",
                "Lock in {offer_id} for {driver_name}.",
            ),
        ),
        Intent(
            names=(
                "cancel_car_rental",
                "rental_car_cancel",
                "car_reservation_cancel",
            ),
            summaries=(
                "Cancel a car rental reservation.",
                "Call off a booked rental car by its confirmation number.",
            ),
            slots=(_RENTAL_CONFIRMATION,),
            queries=(
                "Cancel car rental {confirmation_number}.",
                "cancel rental {confirmation_number}",
                "Can you cancel my car reservation {confirmation_number}?",
                "I don't need the car anymore; please cancel {confirmation_number}.",
                "Could you please cancel rental booking {confirmation_number}?",
                "My friend is lending me a car, so drop rental {confirmation_number}.",
                "Please void the car hire under {confirmation_number}.",
                "Is it too late to cancel {confirmation_number}? If not, cancel it.",
            ),
        ),
        Intent(
            names=(
                "extend_car_rental",
                "rental_car_extend",
                "change_rental_return_date",
                "car_rental_extension_request",
            ),
            summaries=(
                "Extend a car rental to a later return date.",
                "Move the return date and time of a rental.",
            ),
            slots=(
                _RENTAL_CONFIRMATION,
                Slot(
                    "new_return_date",
                    "date",
                    "New day to return the car.",
                    names=("new_return_date", "return_date", "end_date"),
                ),
                Slot(
                    "new_return_time",
                    "time",
                    "New time to return the car.",
                    names=("new_return_time", "return_time"),
                    required=False,
                ),
            ),
            queries=(
                "Extend rental {confirmation_number} until {new_return_date}.",
                "extend {confirmation_number} to {new_return_date} {new_return_time}",
                "Can I keep car {confirmation_number} until {new_return_date} at "
                "{new_return_time}?",
                "I need the car longer: push {confirmation_number} to {new_return_date}.",
                "Could you please change the return on {confirmation_number} to {new_return_date}?",
                "My trip got longer, so rental {confirmation_number} should end on "
                "{new_return_date} at {new_return_time}.",
                "Please move the drop-off for {confirmation_number} to {new_return_date}, "
                "{new_return_time}.",
                "Keep {confirmation_number} through {new_return_date}.",
            ),
        ),
        Intent(
            names=(
                "add_rental_car_extras",
                "rental_extras_add",
                "car_rental_addons_update",
            ),
            summaries=(
                "Add extras such as a child seat or GPS to a car rental.",
                "Update the add-ons of a rental reservation.",
            ),
            slots=(
                _RENTAL_CONFIRMATION,
                Slot(
                    "extras",
                    "enum",
                    "Add-ons to include.",
                    names=("extras", "add_ons", "options"),
                    many=True,
                    choices=("child_seat", "gps", "additional_driver", "snow_chains", "toll_pass"),
                    aliases={
                        "child_seat": ("a child seat", "a booster seat"),
                        "gps": ("GPS", "a sat nav"),
                        "additional_driver": ("an additional driver", "a second driver"),
                        "snow_chains": ("snow chains",),
                        "toll_pass": ("a toll pass", "a toll transponder"),
                    },
                ),
            ),
            queries=(
                "Add {extras} to rental {confirmation_number}.",
                "extras {confirmation_number}: {extras}",
                "Can you put {extras} on my car booking {confirmation_number}?",
                "I need {extras} with rental {confirmation_number}.",
                "Could you please include {extras} in reservation {confirmation_number}?",
                "We're driving a long way; add {extras} to {confirmation_number}.",
                "Please update {confirmation_number} with {extras}.",
                "Rental {confirmation_number} -- I want {extras} too.",
            ),
        ),
        Intent(
            names=(
                "find_car_rental_locations",
                "rental_branch_search",
                "list_car_rental_offices",
                "lookup_rental_desks",
            ),
            summaries=(
                "List car rental branches in a city.",
                "Find rental desks, optionally at the airport or open all night.",
            ),
            slots=(
                Slot("city", "city", "City to search.", names=("city", "location", "near_city")),
                Slot(
                    "airport_only",
                    "boolean",
                    "Only desks at the airport.",
                    names=("airport_only", "at_airport"),
                    required=False,
                    default=False,
                    phrases=("at the airport", "airport desks only"),
                ),
                Slot(
                    "open_24h",
                    "boolean",
                    "Only branches open around the clock.",
                    names=("open_24h", "always_open"),
                    required=False,
                    default=False,
                    phrases=("open around the clock", "that are open 24 hours"),
                ),
            ),
            queries=(
                "Where can I rent a car in {city} {airport_only}?",
                "rental offices {city} {open_24h}",
                "List car rental branches in {city} {open_24h}.",
                "Can you find rental desks in {city} {airport_only}?",
                "I need to pick up a car in {city}; which offices are there?",
                "Could you please show rental locations in {city}?",
                "Our flight lands late in {city}; find rental counters {open_24h}.",
                "car hire locations in {city} {airport_only}",
                "What rental companies have offices in {city}?",
            ),
        ),
    ),
)


# --- ride hailing ---------------------------------------------------------------------------

RIDE_HAILING = Domain(
    "ride_hailing",
    (
        Intent(
            names=("request_ride", "book_ride_now", "ride_hail_request", "order_taxi_ride"),
            summaries=(
                "Request a car to pick the rider up now.",
                "Hail a ride from a pickup point to a destination.",
            ),
            slots=(
                _PICKUP,
                _DROPOFF,
                _RIDE_TYPE,
                Slot(
                    "passengers",
                    "integer",
                    "Number of riders.",
                    names=("passengers", "riders", "seats"),
                    required=False,
                    default=1,
                    minimum=1,
                    maximum=6,
                ),
            ),
            queries=(
                "Get me a ride from {pickup} to {dropoff}.",
                "ride {pickup} -> {dropoff}",
                "Can you send {ride_type} to {pickup}? I'm going to {dropoff}.",
                "I need a car from {pickup} to {dropoff} for {passengers} people.",
                "Could you please book {ride_type} from {pickup} to {dropoff} right now?",
                "Order a taxi at {pickup}, destination {dropoff}.",
                "We're {passengers} people at {pickup} heading to {dropoff} -- call {ride_type}.",
                "My grandma needs a lift from {pickup} to {dropoff}.",
                "Book a ride now, pickup {pickup}, drop-off {dropoff}, {passengers} passengers.",
            ),
        ),
        Intent(
            names=(
                "estimate_ride_fare",
                "get_ride_price_estimate",
                "ride_fare_quote",
                "fetch_trip_cost_estimate",
            ),
            summaries=(
                "Estimate what a ride between two places would cost.",
                "Get a fare quote before requesting a ride.",
            ),
            slots=(_PICKUP, _DROPOFF, _RIDE_TYPE),
            queries=(
                "How much is a ride from {pickup} to {dropoff}?",
                "fare estimate {pickup} to {dropoff}",
                "What would {ride_type} from {pickup} to {dropoff} cost?",
                "Can you quote me a trip from {pickup} to {dropoff}?",
                "I need to know the price of {ride_type} from {pickup} to {dropoff}.",
                "Could you please estimate the fare between {pickup} and {dropoff}?",
                "My budget is tight; what's the cost from {pickup} to {dropoff}?",
                "price check: {ride_type}, {pickup} to {dropoff}",
                "Estimate the cost of a trip from {pickup} to {dropoff}.",
            ),
        ),
        Intent(
            names=(
                "schedule_ride",
                "book_ride_in_advance",
                "ride_schedule_create",
                "plan_future_pickup",
            ),
            summaries=(
                "Schedule a ride for a later date and time.",
                "Book a pickup in advance.",
            ),
            slots=(
                _PICKUP,
                _DROPOFF,
                Slot(
                    "pickup_date",
                    "date",
                    "Day of the pickup.",
                    names=("pickup_date", "date", "ride_date"),
                ),
                Slot(
                    "pickup_time",
                    "time",
                    "Time of the pickup.",
                    names=("pickup_time", "time", "at_time"),
                ),
                _RIDE_TYPE,
            ),
            queries=(
                "Schedule a ride from {pickup} to {dropoff} on {pickup_date} at {pickup_time}.",
                "ride {pickup} to {dropoff} {pickup_date} {pickup_time}",
                "Can you book {ride_type} for {pickup_date} at {pickup_time}, {pickup} "
                "to {dropoff}?",
                "I need a car at {pickup_time} on {pickup_date} from {pickup} to {dropoff}.",
                "Could you please arrange a pickup at {pickup} for {pickup_date}, "
                "{pickup_time}, to {dropoff}?",
                "My flight leaves early; book a ride from {pickup} to {dropoff} for "
                "{pickup_date} at {pickup_time}.",
                "Reserve {ride_type} on {pickup_date} at {pickup_time}: {pickup} to {dropoff}.",
                "plan a pickup for {pickup_date} {pickup_time} at {pickup}, dropping at {dropoff}",
            ),
        ),
        Intent(
            names=("cancel_ride", "ride_request_cancel", "cancel_scheduled_ride"),
            summaries=(
                "Cancel a requested or scheduled ride.",
                "Call off a ride before pickup.",
            ),
            slots=(
                _RIDE_ID,
                Slot(
                    "reason",
                    "text",
                    "Why the ride is cancelled.",
                    names=("reason", "cancel_reason"),
                    required=False,
                    examples=(
                        "driver is too far away",
                        "plans changed",
                        "booked the wrong pickup spot",
                        "found another way home",
                        "waited too long",
                    ),
                ),
            ),
            queries=(
                "Cancel ride {ride_id}.",
                "cancel {ride_id}",
                "Can you cancel my ride {ride_id}? Reason: {reason}.",
                "I need to cancel trip {ride_id} -- {reason}.",
                "Could you please call off ride {ride_id}?",
                "My meeting ran late, so cancel {ride_id}.",
                "Please cancel the scheduled pickup {ride_id}, reason: {reason}.",
                "Drop ride request {ride_id}.",
            ),
        ),
        Intent(
            names=("get_ride_status", "track_ride", "ride_status_lookup", "fetch_driver_eta"),
            summaries=(
                "Get where a ride is and when the driver will arrive.",
                "Track an active ride.",
            ),
            slots=(
                _RIDE_ID,
                Slot(
                    "include_driver",
                    "boolean",
                    "Add the driver's name, car and plate.",
                    names=("include_driver", "driver_details"),
                    required=False,
                    default=False,
                    phrases=("and who the driver is", "with the driver's name and plate"),
                ),
            ),
            queries=(
                "Where is my ride {ride_id}?",
                "status {ride_id}",
                "How far away is the driver for {ride_id} {include_driver}?",
                "Can you check on ride {ride_id} {include_driver}?",
                "I've been waiting ages; what's happening with {ride_id}?",
                "Could you please tell me the ETA of ride {ride_id}?",
                "Track trip {ride_id} {include_driver}.",
                "Is {ride_id} here yet?",
            ),
        ),
        Intent(
            names=(
                "rate_ride_driver",
                "submit_ride_rating",
                "ride_feedback_send",
                "tip_and_rate_driver",
            ),
            summaries=(
                "Rate a finished ride and optionally tip the driver.",
                "Leave stars, a tip and a comment for a driver.",
            ),
            slots=(
                _RIDE_ID,
                Slot(
                    "stars",
                    "integer",
                    "Rating from 1 to 5.",
                    names=("stars", "rating", "score"),
                    minimum=1,
                    maximum=5,
                ),
                Slot(
                    "tip",
                    "number",
                    "Tip for the driver.",
                    names=("tip", "tip_amount"),
                    required=False,
                    minimum=1,
                    maximum=50,
                ),
                Slot(
                    "comment",
                    "text",
                    "Feedback in words.",
                    names=("comment", "feedback", "note"),
                    required=False,
                    examples=(
                        "very friendly and the car was spotless",
                        "took a strange detour",
                        "great music and safe driving",
                        "arrived early, thanks",
                        "the car smelled of smoke",
                    ),
                ),
            ),
            queries=(
                "Rate ride {ride_id} {stars} stars.",
                "{ride_id} {stars} stars tip {tip}",
                "Can you give the driver of {ride_id} {stars} stars and a {tip} tip?",
                "I want to rate trip {ride_id}: {stars} out of 5, {comment}.",
                "Could you please leave {stars} stars for ride {ride_id} with the note "
                "'{comment}'?",
                "Please tip {tip} on {ride_id} and rate it {stars}.",
                "My driver on {ride_id} deserves {stars} stars.",
                "feedback for {ride_id}: {stars}/5, comment: {comment}",
                "Give {ride_id} a {stars}-star rating.",
            ),
        ),
        Intent(
            names=(
                "list_ride_history",
                "get_past_rides",
                "ride_history_lookup",
                "fetch_ride_receipts",
            ),
            summaries=(
                "List past rides with their fares and receipts.",
                "Show the rider's trip history.",
            ),
            slots=(
                Slot(
                    "since",
                    "date",
                    "Earliest ride date to include.",
                    names=("since", "start_date", "from_date"),
                    required=False,
                ),
                _LIMIT,
                Slot(
                    "business_only",
                    "boolean",
                    "Only rides on the business profile.",
                    names=("business_only", "work_profile"),
                    required=False,
                    default=False,
                    phrases=("on my business profile", "for work trips only"),
                ),
            ),
            queries=(
                "Show my recent rides.",
                "ride history since {since}",
                "Can you list my last {limit} trips {business_only}?",
                "I need receipts for rides since {since} {business_only}.",
                "Could you please pull up my ride history?",
                "My accountant wants every ride since {since} {business_only}.",
                "List the last {limit} rides I took.",
                "What trips have I taken since {since}?",
                "past rides {business_only}",
            ),
        ),
    ),
)


# --- public transit -------------------------------------------------------------------------

PUBLIC_TRANSIT = Domain(
    "public_transit",
    (
        Intent(
            names=(
                "plan_transit_route",
                "transit_directions",
                "find_public_transport_route",
                "get_transit_journey",
            ),
            summaries=(
                "Plan a journey by public transport between two places.",
                "Find bus, train and subway connections for a trip.",
            ),
            slots=(
                Slot(
                    "origin",
                    "text",
                    "Where the journey starts.",
                    names=("origin", "from_stop", "start"),
                    examples=(
                        "Central Station",
                        "Alexanderplatz",
                        "the university campus",
                        "Oak Street and 5th",
                        "Harbor Ferry Terminal",
                        "the airport",
                    ),
                ),
                Slot(
                    "destination",
                    "text",
                    "Where the journey ends.",
                    names=("destination", "to_stop", "end"),
                    examples=(
                        "City Hall",
                        "the stadium",
                        "Westfield Mall",
                        "Museum Island",
                        "Riverside Park",
                        "the old town",
                    ),
                ),
                Slot(
                    "depart_at",
                    "time",
                    "When to leave; now when omitted.",
                    names=("depart_at", "departure_time", "leave_at"),
                    required=False,
                ),
                _TRANSIT_MODES,
                Slot(
                    "step_free",
                    "boolean",
                    "Only routes with step-free access.",
                    names=("step_free", "wheelchair_accessible", "accessible"),
                    required=False,
                    default=False,
                    phrases=("with step-free access", "that is wheelchair accessible"),
                ),
            ),
            queries=(
                "How do I get from {origin} to {destination} by public transport?",
                "transit {origin} to {destination} {depart_at}",
                "Plan a trip from {origin} to {destination} leaving at {depart_at} {step_free}.",
                "Can you find a route from {origin} to {destination} using {modes}?",
                "I need to be at {destination} soon; what's the best connection from {origin} "
                "{step_free}?",
                "Could you please plan a {modes} route from {origin} to {destination}?",
                "Route from {origin} to {destination}, departing {depart_at}, only {modes}.",
                "What's the quickest way from {origin} to {destination} on public transit?",
                "directions by transit, {origin} -> {destination} {step_free}",
                "Get me from {origin} to {destination} by {modes}, leaving at {depart_at}.",
            ),
        ),
        Intent(
            names=(
                "get_next_departures",
                "next_departures_at_stop",
                "stop_departure_board",
                "list_upcoming_departures",
            ),
            summaries=(
                "List the next departures from a stop or station.",
                "Show the live departure board of a stop.",
            ),
            slots=(
                Slot(
                    "stop",
                    "text",
                    "Stop or station name.",
                    names=("stop", "stop_name", "station"),
                    examples=(
                        "Central Station",
                        "Market Square",
                        "Elm Road",
                        "Hauptbahnhof",
                        "Grand Central",
                        "Pier 14",
                    ),
                ),
                replace(_TRANSIT_LINE, required=False, description="Only this line."),
                Slot(
                    "limit",
                    "integer",
                    "How many departures to show.",
                    names=("limit", "count", "max_departures"),
                    required=False,
                    default=5,
                    minimum=1,
                    maximum=20,
                ),
            ),
            queries=(
                "When's the next departure from {stop}?",
                "departures {stop} {line}",
                "When does the next {line} leave {stop}?",
                "Show the next {limit} departures at {stop}.",
                "I'm standing at {stop}; what's coming?",
                "Could you please check upcoming trains and buses at {stop}?",
                "Can you list the next {limit} {line} departures from {stop}?",
                "departure board {stop}",
                "My bus is late -- when is the next {line} at {stop}?",
            ),
        ),
        Intent(
            names=(
                "get_transit_service_alerts",
                "transit_disruptions_check",
                "list_transit_delays",
                "check_transit_line_status",
            ),
            summaries=(
                "Get current delays and disruptions on a transit network.",
                "Check service alerts for a city or one line.",
            ),
            slots=(
                Slot("city", "city", "City of the network.", names=("city", "region", "network")),
                replace(_TRANSIT_LINE, required=False, description="Only this line."),
            ),
            queries=(
                "Are there any transit disruptions in {city}?",
                "service alerts {city} {line}",
                "Is the {line} running normally in {city}?",
                "Can you check for delays on {line} in {city}?",
                "I commute in {city}; anything broken on the network today?",
                "Could you please list current public transport alerts for {city}?",
                "My train in {city} seems stuck -- any problems on the {line}?",
                "delays in {city} transit?",
                "Check line status in {city} for {line}.",
            ),
        ),
        Intent(
            names=(
                "buy_transit_ticket",
                "purchase_transit_fare",
                "transit_ticket_purchase",
                "get_mobile_transit_ticket",
            ),
            summaries=(
                "Buy a mobile public transport ticket or pass.",
                "Purchase transit fares for a city network.",
            ),
            slots=(
                Slot("city", "city", "City of the network.", names=("city", "network", "region")),
                Slot(
                    "ticket_type",
                    "enum",
                    "Kind of ticket.",
                    names=("ticket_type", "fare_type", "product"),
                    choices=("single", "day_pass", "weekly", "monthly"),
                    aliases={
                        "single": ("single ticket", "one-way fare"),
                        "day_pass": ("day pass", "24-hour ticket"),
                        "weekly": ("weekly pass", "7-day ticket"),
                        "monthly": ("monthly pass", "30-day ticket"),
                    },
                ),
                Slot(
                    "quantity",
                    "integer",
                    "How many tickets.",
                    names=("quantity", "count", "num_tickets"),
                    required=False,
                    default=1,
                    minimum=1,
                    maximum=10,
                ),
                Slot(
                    "reduced_fare",
                    "boolean",
                    "Use the reduced (student, senior or child) fare.",
                    names=("reduced_fare", "concession"),
                    required=False,
                    default=False,
                    phrases=("at the reduced fare", "with the student discount"),
                ),
            ),
            queries=(
                "Buy a {ticket_type} for {city} {reduced_fare}.",
                "ticket {city} {ticket_type} x{quantity}",
                "Can you get me {quantity} of the {ticket_type} in {city}?",
                "I need a {ticket_type} for the {city} transit system.",
                "Could you please purchase a {ticket_type} in {city} {reduced_fare}?",
                "We're {quantity} visitors in {city}; buy each of us a {ticket_type}.",
                "Get a mobile {ticket_type} for {city}.",
                "My son needs a {ticket_type} in {city} {reduced_fare}.",
                "purchase {quantity} x {ticket_type}, {city}",
            ),
        ),
        Intent(
            names=(
                "find_nearby_transit_stops",
                "transit_stops_near",
                "list_stations_nearby",
                "lookup_closest_transit_stop",
            ),
            summaries=(
                "Find public transport stops close to a place.",
                "List stations within walking distance of a location.",
            ),
            slots=(
                Slot(
                    "location",
                    "text",
                    "Place to search around.",
                    names=("location", "near", "address"),
                    examples=(
                        "Times Square",
                        "42 King Street",
                        "the Louvre",
                        "Shibuya Crossing",
                        "Hotel Roma on Via Nazionale",
                        "Jackson Park",
                    ),
                ),
                Slot(
                    "radius_m",
                    "integer",
                    "Search radius in meters.",
                    names=("radius_m", "radius_meters", "max_distance_m"),
                    required=False,
                    default=500,
                    minimum=100,
                    maximum=3000,
                ),
                _TRANSIT_MODES,
            ),
            queries=(
                "What stops are near {location}?",
                "stops near {location} within {radius_m} m",
                "Find the closest station to {location}.",
                "Can you list {modes} stops within {radius_m} meters of {location}?",
                "I'm at {location}; where can I catch the {modes}?",
                "Could you please find public transport stops around {location}?",
                "I'm staying at {location} -- any {modes} stations nearby?",
                "nearest stop to {location}",
                "Which stations are within {radius_m} m of {location}?",
            ),
        ),
        Intent(
            names=(
                "get_transit_timetable",
                "line_schedule_lookup",
                "fetch_route_timetable",
                "transit_schedule_for_line",
            ),
            summaries=(
                "Get the timetable of a transit line for a day.",
                "Show when a bus, tram or train line runs.",
            ),
            slots=(
                _TRANSIT_LINE,
                Slot(
                    "date",
                    "date",
                    "Service day; today when omitted.",
                    names=("date", "service_date", "day"),
                    required=False,
                ),
                Slot(
                    "direction",
                    "text",
                    "Direction of travel.",
                    names=("direction", "heading", "towards"),
                    required=False,
                    examples=(
                        "northbound",
                        "towards the airport",
                        "inbound",
                        "to Central Station",
                        "eastbound",
                    ),
                ),
            ),
            queries=(
                "Show the timetable for {line}.",
                "{line} schedule {date}",
                "What's the {line} schedule on {date}, {direction}?",
                "Can you get me the timetable of {line} {direction}?",
                "I need to know when {line} runs on {date}.",
                "Could you please pull the {line} timetable for {date}?",
                "My commute uses {line}; when does it run {direction}?",
                "timetable {line} {direction}",
                "When does {line} run?",
            ),
        ),
        Intent(
            names=(
                "top_up_transit_card",
                "transit_card_reload",
                "add_transit_card_funds",
                "recharge_travel_card",
            ),
            summaries=(
                "Add money to a transit smart card.",
                "Reload a travel card, optionally turning on auto-reload.",
            ),
            slots=(
                Slot(
                    "card_number",
                    "identifier",
                    "Number printed on the travel card.",
                    names=("card_number", "card_id", "travel_card"),
                    examples=(
                        "TC-0047-3321",
                        "TC-8812-0095",
                        "TC-3350-7718",
                        "TC-1204-6639",
                        "TC-9071-2483",
                    ),
                ),
                Slot(
                    "amount",
                    "number",
                    "Amount to add.",
                    names=("amount", "top_up_amount", "value"),
                    minimum=5,
                    maximum=200,
                ),
                Slot(
                    "auto_reload",
                    "boolean",
                    "Refill automatically when the balance runs low.",
                    names=("auto_reload", "autoload"),
                    required=False,
                    default=False,
                    phrases=("and turn on auto-reload", "and set it to refill automatically"),
                ),
            ),
            queries=(
                "Top up transit card {card_number} with {amount}.",
                "reload {card_number} {amount}",
                "Can you add {amount} to my travel card {card_number} {auto_reload}?",
                "I'm running low -- put {amount} on {card_number} {auto_reload}.",
                "Could you please recharge card {card_number} by {amount}?",
                "My kid's card {card_number} needs {amount} more.",
                "Load {amount} onto {card_number} {auto_reload}.",
                "add funds to {card_number}: {amount}",
            ),
        ),
    ),
)


# --- maps and navigation --------------------------------------------------------------------

MAPS_AND_NAVIGATION = Domain(
    "maps_and_navigation",
    (
        Intent(
            names=(
                "route_directions",
                "directions_between_places",
                "navigate_to_destination",
                "fetch_turn_by_turn_route",
            ),
            summaries=(
                "Get step-by-step directions between two places.",
                "Plan a route by car, on foot, by bike or by transit.",
            ),
            slots=(
                _ROUTE_ORIGIN,
                _ROUTE_DEST,
                _TRAVEL_MODE,
                Slot(
                    "avoid_tolls",
                    "boolean",
                    "Avoid toll roads.",
                    names=("avoid_tolls", "no_tolls"),
                    required=False,
                    default=False,
                    phrases=("avoiding tolls", "without toll roads"),
                ),
            ),
            queries=(
                "Directions from {origin} to {destination} {avoid_tolls}.",
                "route {origin} to {destination} {travel_mode}",
                "How do I get from {origin} to {destination} {travel_mode}?",
                "Can you navigate me from {origin} to {destination} {avoid_tolls}?",
                "I need turn-by-turn directions to {destination} starting at {origin}.",
                "Could you please show the way from {origin} to {destination}, {travel_mode}?",
                "My GPS died -- get me from {origin} to {destination} {avoid_tolls}.",
                "best route {origin} -> {destination}",
                "Take me to {destination} from {origin}.",
            ),
        ),
        Intent(
            names=(
                "get_distance_between_cities",
                "city_distance_lookup",
                "calculate_travel_distance",
                "measure_route_distance",
            ),
            summaries=(
                "Get the road distance between two cities.",
                "Calculate how far apart two cities are.",
            ),
            slots=(
                Slot(
                    "from_city",
                    "city",
                    "Starting city.",
                    names=("from_city", "origin", "start_city"),
                ),
                Slot(
                    "to_city",
                    "city",
                    "Destination city.",
                    names=("to_city", "destination", "end_city"),
                ),
                Slot(
                    "unit",
                    "enum",
                    "Distance unit of the answer.",
                    names=("unit", "units", "distance_unit"),
                    required=False,
                    default="km",
                    choices=("km", "miles"),
                    aliases={
                        "km": ("kilometers", "km", "kilometres"),
                        "miles": ("miles", "mi"),
                    },
                ),
            ),
            queries=(
                "How far is {from_city} from {to_city}?",
                "distance {from_city} {to_city} {unit}",
                "What's the distance between {from_city} and {to_city} in {unit}?",
                "Can you calculate the driving distance from {from_city} to {to_city}?",
                "I'm driving from {from_city} to {to_city}; how many {unit} is that?",
                "Could you please tell me how far {to_city} is from {from_city}?",
                "My cousin in {to_city} says it's close to {from_city} -- how close, in {unit}?",
                "{from_city} to {to_city} distance",
                "Measure the road distance from {from_city} to {to_city}.",
            ),
        ),
        Intent(
            names=(
                "search_nearby_places",
                "find_places_near",
                "places_nearby_search",
                "lookup_points_of_interest",
            ),
            summaries=(
                "Find places of a kind (cafes, pharmacies, ATMs) near a location.",
                "Search points of interest around a place.",
            ),
            slots=(
                Slot(
                    "category",
                    "text",
                    "Kind of place, in plural.",
                    names=("category", "place_type", "keyword"),
                    examples=(
                        "coffee shops",
                        "pharmacies",
                        "gas stations",
                        "ATMs",
                        "supermarkets",
                        "EV charging stations",
                        "bakeries",
                    ),
                ),
                Slot(
                    "near",
                    "text",
                    "Place to search around.",
                    names=("near", "location", "around"),
                    examples=(
                        "Union Station",
                        "the Colosseum",
                        "my hotel on Kings Road",
                        "Central Park South",
                        "the Marina Bay Sands",
                        "exit 14 on the I-95",
                    ),
                ),
                Slot(
                    "radius_m",
                    "integer",
                    "Search radius in meters.",
                    names=("radius_m", "radius", "max_distance_m"),
                    required=False,
                    default=1000,
                    minimum=100,
                    maximum=10000,
                ),
                Slot(
                    "open_now",
                    "boolean",
                    "Only places open at the moment.",
                    names=("open_now", "only_open"),
                    required=False,
                    default=False,
                    phrases=("that are open now", "open right now"),
                ),
            ),
            queries=(
                "Find {category} near {near} {open_now}.",
                "{category} near {near}",
                "Are there any {category} within {radius_m} meters of {near}?",
                "Can you list {category} around {near} {open_now}?",
                "I need {category} close to {near}.",
                "Could you please search for {category} within {radius_m} m of {near}?",
                "We just arrived at {near}; where are the nearest {category}?",
                "show {category} near {near} {open_now}",
                "What {category} are close to {near}?",
            ),
        ),
        Intent(
            names=(
                "address_to_coordinates",
                "geocode_street_address",
                "lookup_address_coordinates",
                "get_lat_long_for_address",
            ),
            summaries=(
                "Convert an address into latitude and longitude.",
                "Geocode a street address or landmark.",
            ),
            slots=(_ADDRESS,),
            queries=(
                "Geocode {address}.",
                "coordinates of {address}",
                "What are the latitude and longitude of {address}?",
                "Can you convert {address} to GPS coordinates?",
                "I need the lat/long for {address}.",
                "Could you please find the coordinates for {address}?",
                "My drone app needs coordinates: {address}.",
                "Where exactly is {address}, in coordinates?",
                "lat lng {address}",
            ),
        ),
        Intent(
            names=(
                "reverse_geocode",
                "coordinates_to_address",
                "lookup_address_from_coordinates",
                "get_place_at_coordinates",
            ),
            summaries=(
                "Turn latitude and longitude into a street address.",
                "Find what place is at given coordinates.",
            ),
            slots=(
                Slot(
                    "latitude",
                    "number",
                    "Latitude in degrees.",
                    names=("latitude", "lat"),
                    minimum=-90,
                    maximum=90,
                ),
                Slot(
                    "longitude",
                    "number",
                    "Longitude in degrees.",
                    names=("longitude", "lon", "lng"),
                    minimum=-180,
                    maximum=180,
                ),
            ),
            queries=(
                "What address is at {latitude}, {longitude}?",
                "reverse geocode {latitude} {longitude}",
                "Can you tell me what's at latitude {latitude}, longitude {longitude}?",
                "I have coordinates {latitude}, {longitude} -- where is that?",
                "Could you please turn {latitude}, {longitude} into a street address?",
                "My friend sent a pin at {latitude}, {longitude}; what place is it?",
                "Look up the location at lat {latitude} lon {longitude}.",
                "address for {latitude},{longitude}",
            ),
        ),
        Intent(
            names=(
                "get_traffic_conditions",
                "check_traffic_on_route",
                "traffic_status_lookup",
                "fetch_road_traffic_report",
            ),
            summaries=(
                "Report current traffic along a route.",
                "Check congestion, accidents and road works between two places.",
            ),
            slots=(
                _ROUTE_ORIGIN,
                _ROUTE_DEST,
                Slot(
                    "include_incidents",
                    "boolean",
                    "List accidents and road works too.",
                    names=("include_incidents", "with_incidents"),
                    required=False,
                    default=False,
                    phrases=("including accidents and road works", "with incident details"),
                ),
            ),
            queries=(
                "How's traffic from {origin} to {destination}?",
                "traffic {origin} {destination}",
                "Is the road from {origin} to {destination} jammed right now?",
                "Can you check traffic between {origin} and {destination} {include_incidents}?",
                "I have to drive from {origin} to {destination}; how bad is traffic?",
                "Could you please give me a traffic report for {origin} to {destination} "
                "{include_incidents}?",
                "My commute is {origin} to {destination} -- any slowdowns?",
                "traffic update, {origin} to {destination} {include_incidents}",
            ),
        ),
        Intent(
            names=(
                "estimate_travel_time",
                "get_route_eta",
                "travel_duration_estimate",
                "calculate_arrival_time",
            ),
            summaries=(
                "Estimate how long a trip takes and when it arrives.",
                "Get the travel time between two places for a departure time.",
            ),
            slots=(
                _ROUTE_ORIGIN,
                _ROUTE_DEST,
                Slot(
                    "depart_at",
                    "time",
                    "Departure time; now when omitted.",
                    names=("depart_at", "departure_time", "leave_at"),
                    required=False,
                ),
                _TRAVEL_MODE,
            ),
            queries=(
                "How long does it take to get from {origin} to {destination}?",
                "eta {origin} to {destination} {travel_mode}",
                "If I leave {origin} at {depart_at}, when will I reach {destination}?",
                "Can you estimate the travel time from {origin} to {destination} {travel_mode}?",
                "I need to be at {destination} on time; how long from {origin} "
                "leaving at {depart_at}?",
                "Could you please tell me the trip duration from {origin} to {destination}?",
                "My friend is at {origin}; how long until they reach {destination} {travel_mode}?",
                "travel time {origin} -> {destination}, departing {depart_at}",
            ),
        ),
        Intent(
            names=(
                "save_favorite_place",
                "bookmark_map_location",
                "add_saved_place",
                "create_map_favorite",
            ),
            summaries=(
                "Save an address under a label in the user's places.",
                "Bookmark a location on the map.",
            ),
            slots=(
                Slot(
                    "label",
                    "text",
                    "Name to save the place under.",
                    names=("label", "name", "title"),
                    examples=(
                        "Home",
                        "Work",
                        "Gym",
                        "Mom's house",
                        "Kids' school",
                        "Favorite pizza place",
                    ),
                ),
                _ADDRESS,
            ),
            queries=(
                "Save {address} as {label}.",
                "save place {label} {address}",
                "Can you bookmark {address} under the name {label}?",
                "I want {address} saved in my places as {label}.",
                "Could you please add {address} to my favorites, labelled {label}?",
                "Put {address} in my saved places and call it {label}.",
                "add favorite: {label} = {address}",
                "Pin {address} on my map as {label}.",
                "Remember {address} as {label} for me.",
            ),
        ),
    ),
)


# --- restaurants ----------------------------------------------------------------------------

RESTAURANTS = Domain(
    "restaurants",
    (
        Intent(
            names=(
                "search_restaurants",
                "find_restaurants_in_city",
                "find_places_to_eat",
                "lookup_places_to_eat",
            ),
            summaries=(
                "Search restaurants in a city by cuisine and price.",
                "Find places to eat that match a cuisine, budget and seating.",
            ),
            slots=(
                Slot("city", "city", "City to search.", names=("city", "location", "area")),
                Slot(
                    "cuisine",
                    "enum",
                    "Type of food.",
                    names=("cuisine", "cuisine_type", "food_style"),
                    required=False,
                    choices=(
                        "italian",
                        "japanese",
                        "mexican",
                        "indian",
                        "thai",
                        "french",
                        "chinese",
                        "mediterranean",
                    ),
                    aliases={
                        "italian": ("Italian",),
                        "japanese": ("Japanese", "sushi"),
                        "mexican": ("Mexican", "Tex-Mex"),
                        "indian": ("Indian", "curry"),
                        "thai": ("Thai",),
                        "french": ("French",),
                        "chinese": ("Chinese", "dim sum"),
                        "mediterranean": ("Mediterranean", "Greek"),
                    },
                ),
                Slot(
                    "price_range",
                    "enum",
                    "Price level.",
                    names=("price_range", "price_level", "budget"),
                    required=False,
                    choices=("budget", "moderate", "upscale"),
                    aliases={
                        "budget": ("cheap", "budget-friendly"),
                        "moderate": ("mid-range", "moderately priced"),
                        "upscale": ("fancy", "high-end", "fine-dining"),
                    },
                ),
                Slot(
                    "outdoor_seating",
                    "boolean",
                    "Only places with tables outside.",
                    names=("outdoor_seating", "outdoor"),
                    required=False,
                    default=False,
                    phrases=("with outdoor seating", "with a terrace"),
                ),
            ),
            queries=(
                "Find {cuisine} restaurants in {city}.",
                "restaurants {city} {price_range}",
                "Can you recommend a {price_range} place to eat in {city} {outdoor_seating}?",
                "I'm craving {cuisine} in {city}; what's good?",
                "Could you please list {price_range} {cuisine} restaurants in {city}?",
                "My in-laws are visiting {city} -- find somewhere to eat {outdoor_seating}.",
                "Where should we have dinner in {city}?",
                "{cuisine} food {city} {outdoor_seating}",
                "Show me {price_range} restaurants in {city} {outdoor_seating}.",
            ),
        ),
        Intent(
            names=(
                "reserve_restaurant_table",
                "book_restaurant_table",
                "restaurant_reservation_create",
                "make_dinner_reservation",
            ),
            summaries=(
                "Reserve a table at a restaurant for a date, time and party size.",
                "Book a restaurant table, with an optional special request.",
            ),
            slots=(
                _RESTAURANT,
                Slot(
                    "date",
                    "date",
                    "Day of the reservation.",
                    names=("date", "reservation_date", "day"),
                ),
                Slot(
                    "time",
                    "time",
                    "Time of the reservation.",
                    names=("time", "reservation_time", "arrival_time"),
                ),
                Slot(
                    "party_size",
                    "integer",
                    "Number of diners.",
                    names=("party_size", "guests", "covers"),
                    minimum=1,
                    maximum=20,
                ),
                Slot(
                    "special_request",
                    "text",
                    "Note for the restaurant.",
                    names=("special_request", "notes", "request"),
                    required=False,
                    examples=(
                        "a table by the window",
                        "a high chair for a toddler",
                        "a small cake for a birthday",
                        "a wheelchair-accessible table",
                        "one guest is allergic to nuts",
                    ),
                ),
            ),
            queries=(
                "Book a table at {restaurant} for {party_size} on {date} at {time}.",
                "table {restaurant} {date} {time} {party_size} ppl",
                "Can you reserve {restaurant} on {date} at {time} for {party_size} people?",
                "I'd like dinner at {restaurant} on {date}, {time}, party of {party_size}; "
                "note: {special_request}.",
                "Could you please get us a table for {party_size} at {restaurant} on {date} "
                "at {time}?",
                "My anniversary is on {date}: {restaurant}, {time}, {party_size} people, "
                "and ask for {special_request}.",
                "Reserve {restaurant}, {party_size} guests, on {date} at {time}.",
                "We're {party_size}; book {restaurant} for {date} at {time}. "
                "Request: {special_request}.",
                "Make a reservation at {restaurant} on {date} at {time}, {party_size} people.",
            ),
        ),
        Intent(
            names=(
                "cancel_restaurant_reservation",
                "restaurant_booking_cancel",
                "cancel_table_booking",
            ),
            summaries=(
                "Cancel a restaurant reservation.",
                "Release a booked table by its reservation code.",
            ),
            slots=(_TABLE_RESERVATION,),
            queries=(
                "Cancel restaurant reservation {reservation_code}.",
                "cancel table {reservation_code}",
                "Can you cancel my dinner booking {reservation_code}?",
                "We can't make it tonight; please cancel {reservation_code}.",
                "Could you please release the table under {reservation_code}?",
                "My friend got sick, so cancel reservation {reservation_code}.",
                "Please call off booking {reservation_code} at the restaurant.",
                "Drop table reservation {reservation_code}.",
            ),
        ),
        Intent(
            names=(
                "modify_restaurant_reservation",
                "change_table_booking",
                "restaurant_reservation_update",
                "reschedule_dinner_reservation",
            ),
            summaries=(
                "Change the time, date or party size of a restaurant reservation.",
                "Update an existing table booking.",
            ),
            slots=(
                _TABLE_RESERVATION,
                Slot(
                    "new_time",
                    "time",
                    "New reservation time.",
                    names=("new_time", "time", "reservation_time"),
                ),
                Slot(
                    "new_party_size",
                    "integer",
                    "New number of diners.",
                    names=("new_party_size", "party_size", "guests"),
                    required=False,
                    minimum=1,
                    maximum=20,
                ),
                Slot(
                    "new_date",
                    "date",
                    "New reservation day.",
                    names=("new_date", "date"),
                    required=False,
                ),
            ),
            queries=(
                "Move reservation {reservation_code} to {new_time}.",
                "change {reservation_code} to {new_time} {new_party_size} people",
                "Can you push my table {reservation_code} to {new_time} on {new_date}?",
                "I need to change booking {reservation_code}: {new_party_size} people "
                "at {new_time}.",
                "Could you please make reservation {reservation_code} for {new_time} instead?",
                "My train is late -- shift {reservation_code} to {new_time}.",
                "Update {reservation_code}: {new_date}, {new_time}, party of {new_party_size}.",
                "Reschedule table {reservation_code} for {new_date} at {new_time}.",
            ),
        ),
        Intent(
            names=(
                "get_restaurant_menu",
                "restaurant_menu_lookup",
                "fetch_menu_items",
                "show_restaurant_menu",
            ),
            summaries=(
                "Get a restaurant's menu with dishes and prices.",
                "Show menu items, optionally only those fitting a diet.",
            ),
            slots=(
                _RESTAURANT,
                Slot(
                    "dietary",
                    "enum",
                    "Only dishes fitting this diet.",
                    names=("dietary", "diet", "dietary_filter"),
                    required=False,
                    choices=("vegan", "vegetarian", "gluten_free", "halal"),
                    aliases={
                        "vegan": ("vegan", "plant-based"),
                        "vegetarian": ("vegetarian", "meat-free"),
                        "gluten_free": ("gluten-free",),
                        "halal": ("halal",),
                    },
                ),
            ),
            queries=(
                "Show me the menu at {restaurant}.",
                "menu {restaurant} {dietary}",
                "What {dietary} dishes does {restaurant} have?",
                "Can you pull up {restaurant}'s menu?",
                "I eat {dietary} only; what works at {restaurant}?",
                "Could you please list the {dietary} options on the {restaurant} menu?",
                "My friend wants to know what's on the menu at {restaurant}.",
                "What does {restaurant} serve?",
                "{restaurant} menu, {dietary} items",
            ),
        ),
        Intent(
            names=(
                "get_restaurant_reviews",
                "restaurant_reviews_lookup",
                "fetch_diner_reviews",
                "list_restaurant_ratings",
            ),
            summaries=(
                "Read diners' reviews and ratings of a restaurant.",
                "Get restaurant reviews, sorted as asked.",
            ),
            slots=(
                _RESTAURANT,
                Slot(
                    "sort_by",
                    "enum",
                    "Order of the reviews.",
                    names=("sort_by", "order", "sort"),
                    required=False,
                    default="newest",
                    choices=("newest", "highest", "lowest"),
                    aliases={
                        "newest": ("newest first", "most recent first"),
                        "highest": ("best first", "highest rated first"),
                        "lowest": ("worst first", "lowest rated first"),
                    },
                ),
                replace(_LIMIT, default=5, maximum=30),
            ),
            queries=(
                "What do people say about {restaurant}?",
                "reviews {restaurant} {sort_by}",
                "Show {limit} reviews of {restaurant}, {sort_by}.",
                "Can you get reviews for {restaurant}, {sort_by}?",
                "I want to read {limit} reviews of {restaurant} before going.",
                "Could you please check how {restaurant} is rated?",
                "My date picked {restaurant} -- is it any good?",
                "{restaurant} ratings {sort_by}",
                "List reviews of {restaurant}, {sort_by}, {limit} of them.",
            ),
        ),
        Intent(
            names=(
                "get_restaurant_opening_hours",
                "restaurant_hours_lookup",
                "check_if_restaurant_open",
                "fetch_restaurant_schedule",
            ),
            summaries=(
                "Get a restaurant's opening hours.",
                "Check whether a restaurant is open on a given day.",
            ),
            slots=(
                _RESTAURANT,
                Slot(
                    "date",
                    "date",
                    "Day to check; today when omitted.",
                    names=("date", "day", "on_date"),
                    required=False,
                ),
            ),
            queries=(
                "When is {restaurant} open?",
                "hours {restaurant} {date}",
                "Is {restaurant} open on {date}?",
                "Can you check {restaurant}'s opening hours?",
                "I want to go to {restaurant} on {date}; what time does it close?",
                "Could you please tell me the hours of {restaurant}?",
                "My coworkers want lunch at {restaurant} -- is it open today?",
                "opening times for {restaurant} on {date}",
            ),
        ),
    ),
)


# --- food delivery --------------------------------------------------------------------------

FOOD_DELIVERY = Domain(
    "food_delivery",
    (
        Intent(
            names=(
                "search_delivery_restaurants",
                "find_food_delivery_options",
                "delivery_restaurant_search",
                "list_restaurants_delivering",
            ),
            summaries=(
                "Find restaurants that deliver to an address.",
                "Search food delivery options by food type and delivery time.",
            ),
            slots=(
                _DELIVERY_ADDRESS,
                Slot(
                    "food_type",
                    "text",
                    "What kind of food.",
                    names=("food_type", "cuisine", "craving"),
                    required=False,
                    examples=("pizza", "sushi", "burgers", "pho", "vegan bowls", "tacos"),
                ),
                Slot(
                    "max_delivery_minutes",
                    "integer",
                    "Longest acceptable delivery time in minutes.",
                    names=("max_delivery_minutes", "max_eta", "within_minutes"),
                    required=False,
                    minimum=10,
                    maximum=120,
                ),
                Slot(
                    "free_delivery",
                    "boolean",
                    "Only places without a delivery fee.",
                    names=("free_delivery", "no_delivery_fee"),
                    required=False,
                    default=False,
                    phrases=("with free delivery", "that don't charge delivery fees"),
                ),
            ),
            queries=(
                "Who delivers to {delivery_address}?",
                "delivery {food_type} {delivery_address}",
                "Find {food_type} places that deliver to {delivery_address} {free_delivery}.",
                "Can you show restaurants delivering to {delivery_address} within "
                "{max_delivery_minutes} minutes?",
                "I'm hungry -- what can I get delivered to {delivery_address} {free_delivery}?",
                "Could you please list {food_type} delivery options for {delivery_address}?",
                "My roommates want {food_type} at {delivery_address} in under "
                "{max_delivery_minutes} minutes.",
                "food delivery to {delivery_address} {free_delivery}",
                "What's open for delivery near {delivery_address}?",
            ),
        ),
        Intent(
            names=(
                "place_food_delivery_order",
                "order_food_delivery",
                "create_delivery_order",
                "food_order_submit",
            ),
            summaries=(
                "Order dishes from a restaurant for delivery.",
                "Place a food delivery order with an optional tip.",
            ),
            slots=(
                _RESTAURANT,
                Slot(
                    "items",
                    "text",
                    "Dishes to order.",
                    names=("items", "dishes", "order_items"),
                    many=True,
                    examples=(
                        "margherita pizza",
                        "chicken pad thai",
                        "two spring rolls",
                        "large fries",
                        "salmon poke bowl",
                        "garlic naan",
                    ),
                ),
                _DELIVERY_ADDRESS,
                Slot(
                    "tip",
                    "number",
                    "Tip for the courier.",
                    names=("tip", "tip_amount", "courier_tip"),
                    required=False,
                    minimum=0,
                    maximum=50,
                ),
                Slot(
                    "contactless",
                    "boolean",
                    "Leave the order at the door.",
                    names=("contactless", "leave_at_door"),
                    required=False,
                    default=False,
                    phrases=("and leave it at the door", "with contactless drop-off"),
                ),
            ),
            queries=(
                "Order {items} from {restaurant} to {delivery_address}.",
                "order {restaurant}: {items}, deliver {delivery_address}",
                "Can you get {items} from {restaurant} delivered to {delivery_address} "
                "{contactless}?",
                "I want {items} from {restaurant}, sent to {delivery_address}, with a {tip} tip.",
                "Could you please place an order at {restaurant} for {items} to "
                "{delivery_address}?",
                "My team wants lunch: {items} from {restaurant} to {delivery_address} "
                "{contactless}.",
                "Deliver {items} from {restaurant} to {delivery_address}, tip {tip}.",
                "Get me {items} from {restaurant} at {delivery_address} {contactless}.",
                "Please order from {restaurant}: {items}. Address: {delivery_address}.",
            ),
        ),
        Intent(
            names=(
                "track_food_order",
                "food_delivery_status",
                "get_delivery_order_eta",
                "lookup_food_order_progress",
            ),
            summaries=(
                "Track a food delivery order and its arrival time.",
                "Get the status of a food order.",
            ),
            slots=(_FOOD_ORDER,),
            queries=(
                "Where is my food order {order_id}?",
                "track {order_id}",
                "Can you check the status of delivery {order_id}?",
                "I've been waiting an hour -- how far away is order {order_id}?",
                "Could you please tell me when {order_id} will arrive?",
                "My dinner ({order_id}) hasn't shown up yet.",
                "ETA on food order {order_id}",
                "Has the courier picked up {order_id} yet?",
            ),
        ),
        Intent(
            names=("cancel_food_order", "food_delivery_cancel", "cancel_delivery_order"),
            summaries=(
                "Cancel a food delivery order.",
                "Stop a food order before it is delivered.",
            ),
            slots=(
                _FOOD_ORDER,
                Slot(
                    "reason",
                    "text",
                    "Why the order is cancelled.",
                    names=("reason", "cancel_reason"),
                    required=False,
                    examples=(
                        "ordered by mistake",
                        "it's taking too long",
                        "wrong delivery address",
                        "changed my mind",
                        "duplicate order",
                    ),
                ),
            ),
            queries=(
                "Cancel food order {order_id}.",
                "cancel {order_id}",
                "Can you cancel delivery {order_id}? Reason: {reason}.",
                "I need to cancel order {order_id} -- {reason}.",
                "Could you please stop order {order_id} before it's cooked?",
                "My plans changed, so please cancel {order_id}.",
                "cancel {order_id} because: {reason}",
                "Please call off my delivery {order_id}.",
            ),
        ),
        Intent(
            names=("reorder_previous_food_order", "repeat_food_order", "food_reorder_create"),
            summaries=(
                "Place the same food order again.",
                "Repeat a past delivery order, now or at a set time.",
            ),
            slots=(
                _FOOD_ORDER,
                Slot(
                    "deliver_at",
                    "time",
                    "When to deliver; as soon as possible when omitted.",
                    names=("deliver_at", "scheduled_time", "delivery_time"),
                    required=False,
                ),
            ),
            queries=(
                "Reorder {order_id}.",
                "repeat order {order_id} {deliver_at}",
                "Can you order the same thing as {order_id} again?",
                "I loved order {order_id}; get it again for {deliver_at}.",
                "Could you please repeat my order {order_id} and schedule it for {deliver_at}?",
                "My usual is order {order_id} -- same again please.",
                "Place {order_id} again, delivered at {deliver_at}.",
                "same as last time: {order_id}",
            ),
        ),
        Intent(
            names=(
                "report_food_order_issue",
                "food_delivery_complaint",
                "request_food_order_refund",
                "submit_delivery_problem",
            ),
            summaries=(
                "Report a problem with a delivered food order.",
                "File a complaint and ask for a refund on a food order.",
            ),
            slots=(
                _FOOD_ORDER,
                Slot(
                    "issue",
                    "enum",
                    "What went wrong.",
                    names=("issue", "problem", "issue_type"),
                    choices=("missing_item", "wrong_item", "late", "cold", "damaged"),
                    aliases={
                        "missing_item": ("missing item", "an item missing"),
                        "wrong_item": ("wrong item", "the wrong dish"),
                        "late": ("late delivery", "very late arrival"),
                        "cold": ("cold food", "food that arrived cold"),
                        "damaged": ("damaged packaging", "spilled food"),
                    },
                ),
                Slot(
                    "details",
                    "text",
                    "More about the problem.",
                    names=("details", "description", "comment"),
                    required=False,
                    examples=(
                        "the fries were missing",
                        "got chicken instead of tofu",
                        "soup leaked all over the bag",
                        "it arrived 50 minutes late",
                        "the pizza was stone cold",
                    ),
                ),
            ),
            queries=(
                "Report a problem with order {order_id}: {issue}.",
                "complaint {order_id} {issue}",
                "Can you file a complaint for {order_id}? Issue: {issue}, {details}.",
                "I want a refund on {order_id} -- {issue}.",
                "Could you please report {issue} on food order {order_id}? Details: {details}.",
                "My order {order_id} had a problem ({issue}); {details}.",
                "issue with {order_id}: {issue}",
                "Please flag {order_id} for {issue}.",
            ),
        ),
        Intent(
            names=(
                "apply_delivery_promo_code",
                "redeem_food_coupon",
                "food_order_promo_apply",
            ),
            summaries=(
                "Apply a promo code to a food order.",
                "Redeem a delivery coupon on an order.",
            ),
            slots=(
                Slot(
                    "promo_code",
                    "identifier",
                    "Promotional code.",
                    names=("promo_code", "coupon", "voucher_code"),
                    examples=("WELCOME15", "FREEDEL24", "SAVE10NOW", "LUNCH5OFF", "PIZZA2GO"),
                ),
                _FOOD_ORDER,
            ),
            queries=(
                "Apply promo code {promo_code} to order {order_id}.",
                "coupon {promo_code} {order_id}",
                "Can you use code {promo_code} on my order {order_id}?",
                "I have a voucher, {promo_code}; put it on {order_id}.",
                "Could you please redeem {promo_code} for order {order_id}?",
                "My friend gave me {promo_code} -- apply it to {order_id}.",
                "Add discount {promo_code} to {order_id}.",
                "Does {promo_code} work on {order_id}? Apply it if so.",
            ),
        ),
    ),
)


# --- parking --------------------------------------------------------------------------------

PARKING = Domain(
    "parking",
    (
        Intent(
            names=(
                "find_parking_near",
                "search_parking_spots",
                "parking_availability_search",
                "lookup_nearby_garages",
            ),
            summaries=(
                "Find parking garages and lots near a place.",
                "Search available parking by price and EV charging.",
            ),
            slots=(
                Slot(
                    "near",
                    "text",
                    "Place to park close to.",
                    names=("near", "location", "destination"),
                    examples=(
                        "Madison Square Garden",
                        "the main train station",
                        "the Museum of Modern Art",
                        "downtown Boston",
                        "Piccadilly Circus",
                        "the city hospital",
                    ),
                ),
                Slot(
                    "arrival_time",
                    "time",
                    "When the car arrives.",
                    names=("arrival_time", "start_time", "from_time"),
                    required=False,
                ),
                Slot(
                    "max_hourly_rate",
                    "number",
                    "Highest price per hour.",
                    names=("max_hourly_rate", "max_price_per_hour"),
                    required=False,
                    minimum=1,
                    maximum=30,
                ),
                Slot(
                    "ev_charging",
                    "boolean",
                    "Only places with EV chargers.",
                    names=("ev_charging", "has_charger"),
                    required=False,
                    default=False,
                    phrases=("with EV charging", "where I can charge my electric car"),
                ),
            ),
            queries=(
                "Find parking near {near}.",
                "parking {near} {ev_charging}",
                "Can you find a garage near {near} for {arrival_time} {ev_charging}?",
                "I'll get to {near} at {arrival_time}; where can I park?",
                "Could you please look for parking around {near} under {max_hourly_rate} an hour?",
                "My dentist is by {near} -- any spots nearby {ev_charging}?",
                "Where do I park near {near} for less than {max_hourly_rate} per hour?",
                "garages close to {near} {ev_charging}",
                "Is there parking available near {near} at {arrival_time}?",
            ),
        ),
        Intent(
            names=(
                "reserve_parking_spot",
                "book_parking_space",
                "parking_reservation_create",
                "prebook_garage_spot",
            ),
            summaries=(
                "Reserve a parking space in a garage for a date and time.",
                "Prebook a garage spot for a number of hours.",
            ),
            slots=(
                Slot(
                    "garage_id",
                    "identifier",
                    "Identifier of the garage or lot.",
                    names=("garage_id", "facility_id", "lot_id"),
                    examples=("PK-2207", "PK-5184", "PK-9031", "PK-3372", "PK-6640"),
                ),
                Slot("date", "date", "Day of parking.", names=("date", "parking_date", "day")),
                Slot(
                    "start_time",
                    "time",
                    "When the reservation starts.",
                    names=("start_time", "from_time", "arrival_time"),
                ),
                Slot(
                    "hours",
                    "integer",
                    "How many hours to park.",
                    names=("hours", "duration_hours"),
                    minimum=1,
                    maximum=24,
                ),
                _PLATE_OPTIONAL,
            ),
            queries=(
                "Reserve a spot at garage {garage_id} on {date} at {start_time} for {hours} hours.",
                "park {garage_id} {date} {start_time} {hours}h",
                "Can you book parking at {garage_id} for {hours} hours from {start_time} "
                "on {date}?",
                "I need a space at {garage_id} on {date}, {start_time}, {hours} hours, "
                "plate {license_plate}.",
                "Could you please prebook {garage_id} for {date} starting {start_time}, "
                "{hours} hours?",
                "My car ({license_plate}) needs a spot at {garage_id} on {date} from "
                "{start_time} for {hours} hours.",
                "Book {garage_id}: {date}, {start_time}, {hours} hours.",
                "Hold a parking space at {garage_id} on {date} at {start_time}, {hours} hours, "
                "for {license_plate}.",
            ),
        ),
        Intent(
            names=(
                "start_parking_session",
                "pay_street_parking",
                "parking_meter_pay",
                "begin_parking_session",
            ),
            summaries=(
                "Start and pay a street parking session in a zone.",
                "Pay the meter for a car parked in a parking zone.",
            ),
            slots=(
                Slot(
                    "zone",
                    "identifier",
                    "Parking zone code shown on the sign.",
                    names=("zone", "zone_code", "location_code"),
                    examples=("Z-4402", "Z-1187", "Z-9350", "Z-2716", "Z-6083"),
                ),
                _PLATE,
                Slot(
                    "duration_minutes",
                    "integer",
                    "How long to park, in minutes.",
                    names=("duration_minutes", "minutes", "duration"),
                    minimum=15,
                    maximum=480,
                ),
            ),
            queries=(
                "Start parking in zone {zone} for {license_plate}, {duration_minutes} minutes.",
                "park zone {zone} {license_plate} {duration_minutes}min",
                "Can you pay for {duration_minutes} minutes of parking in {zone} for car "
                "{license_plate}?",
                "I just parked in zone {zone}; plate {license_plate}, {duration_minutes} "
                "minutes please.",
                "Could you please start a {duration_minutes}-minute session in {zone} "
                "for {license_plate}?",
                "My car {license_plate} is in zone {zone}; pay for {duration_minutes} minutes.",
                "Feed the meter: zone {zone}, plate {license_plate}, {duration_minutes} minutes.",
                "pay street parking, {zone}, {license_plate}, {duration_minutes} min",
            ),
        ),
        Intent(
            names=("extend_parking_session", "add_parking_time", "parking_session_extend"),
            summaries=(
                "Add time to an active parking session.",
                "Extend paid parking by a number of minutes.",
            ),
            slots=(
                _PARKING_SESSION,
                Slot(
                    "extra_minutes",
                    "integer",
                    "Minutes to add.",
                    names=("extra_minutes", "additional_minutes", "minutes"),
                    minimum=5,
                    maximum=240,
                ),
            ),
            queries=(
                "Extend parking session {session_id} by {extra_minutes} minutes.",
                "extend {session_id} {extra_minutes}",
                "Can you add {extra_minutes} minutes to {session_id}?",
                "I'm running late -- give session {session_id} {extra_minutes} more minutes.",
                "Could you please top up parking {session_id} with {extra_minutes} minutes?",
                "My meeting is overrunning; extend {session_id} by {extra_minutes} min.",
                "add time to {session_id}: {extra_minutes} minutes",
                "Keep {session_id} going for another {extra_minutes} minutes.",
            ),
        ),
        Intent(
            names=("end_parking_session", "stop_parking_session", "parking_session_stop"),
            summaries=(
                "Stop an active parking session so billing ends.",
                "End paid parking early.",
            ),
            slots=(_PARKING_SESSION,),
            queries=(
                "Stop parking session {session_id}.",
                "end {session_id}",
                "Can you end my parking {session_id}? I'm leaving.",
                "I've driven off; please stop {session_id}.",
                "Could you please close session {session_id} so I don't pay extra?",
                "My car is out of the spot -- end {session_id}.",
                "Finish parking {session_id} now.",
                "Please terminate parking session {session_id}.",
            ),
        ),
        Intent(
            names=(
                "cancel_parking_reservation",
                "parking_booking_cancel",
                "void_garage_reservation",
            ),
            summaries=(
                "Cancel a prebooked parking reservation.",
                "Release a reserved garage spot.",
            ),
            slots=(
                Slot(
                    "parking_reservation_id",
                    "identifier",
                    "Parking reservation number.",
                    names=("reservation_id", "booking_id", "parking_reservation_id"),
                    examples=("PR-401928", "PR-772013", "PR-150364", "PR-938475", "PR-266581"),
                ),
                Slot(
                    "reason",
                    "text",
                    "Why the reservation is cancelled.",
                    names=("reason", "cancel_reason"),
                    required=False,
                    examples=(
                        "the event was postponed",
                        "I'm taking the train instead",
                        "booked the wrong garage",
                        "my car is in the shop",
                        "plans changed",
                    ),
                ),
            ),
            queries=(
                "Cancel parking reservation {parking_reservation_id}.",
                "cancel parking {parking_reservation_id}",
                "Can you cancel my garage booking {parking_reservation_id}? Reason: {reason}.",
                "I won't need the spot; please cancel {parking_reservation_id}.",
                "Could you please release parking reservation {parking_reservation_id}?",
                "My car is staying home -- drop booking {parking_reservation_id}.",
                "Cancel {parking_reservation_id} -- {reason}.",
                "Please void the parking I reserved under {parking_reservation_id}.",
            ),
        ),
        Intent(
            names=(
                "pay_parking_ticket",
                "parking_fine_pay",
                "settle_parking_citation",
                "parking_citation_payment",
            ),
            summaries=(
                "Pay a parking ticket by its citation number.",
                "Settle a parking fine.",
            ),
            slots=(
                Slot(
                    "citation_number",
                    "identifier",
                    "Number printed on the parking ticket.",
                    names=("citation_number", "ticket_number", "fine_id"),
                    examples=(
                        "PT-2024-081552",
                        "PT-2023-447019",
                        "PT-2025-003981",
                        "PT-2024-660213",
                        "PT-2025-118470",
                    ),
                ),
                _PLATE_OPTIONAL,
            ),
            queries=(
                "Pay parking ticket {citation_number}.",
                "pay fine {citation_number} {license_plate}",
                "Can you settle citation {citation_number} for plate {license_plate}?",
                "I got a parking ticket, number {citation_number}; pay it please.",
                "Could you please pay parking fine {citation_number}?",
                "My car {license_plate} got ticketed ({citation_number}); take care of it.",
                "settle {citation_number}",
                "Please clear ticket {citation_number} on vehicle {license_plate}.",
            ),
        ),
    ),
)


# --- events and tickets ---------------------------------------------------------------------

EVENTS_AND_TICKETS = Domain(
    "events_and_tickets",
    (
        Intent(
            names=(
                "search_events",
                "find_local_events",
                "event_listings_search",
                "lookup_upcoming_events",
            ),
            summaries=(
                "Search concerts, games, shows and festivals in a city.",
                "Find upcoming events by category, date or keyword.",
            ),
            slots=(
                Slot("city", "city", "City to search.", names=("city", "location", "area")),
                Slot(
                    "category",
                    "enum",
                    "Kind of event.",
                    names=("category", "event_type", "genre"),
                    required=False,
                    choices=("concert", "sports", "theater", "comedy", "festival", "exhibition"),
                    aliases={
                        "concert": ("concerts", "live music", "gigs"),
                        "sports": ("sports games", "matches"),
                        "theater": ("theater shows", "plays", "musicals"),
                        "comedy": ("comedy shows", "stand-up"),
                        "festival": ("festivals",),
                        "exhibition": ("exhibitions", "art shows"),
                    },
                ),
                Slot(
                    "date",
                    "date",
                    "Day of the event.",
                    names=("date", "event_date", "on_date"),
                    required=False,
                ),
                Slot(
                    "keyword",
                    "text",
                    "Word to match in event titles.",
                    names=("keyword", "query", "search_term"),
                    required=False,
                    examples=(
                        "jazz",
                        "Shakespeare",
                        "food trucks",
                        "techno",
                        "basketball",
                        "impressionist painting",
                    ),
                ),
            ),
            queries=(
                "What events are on in {city}?",
                "{category} {city} {date}",
                "Find {category} in {city} on {date}.",
                "Can you find anything with {keyword} in {city}?",
                "I'm in {city} on {date}; anything fun going on?",
                "Could you please list upcoming {category} in {city}?",
                "My girlfriend loves {keyword} -- any events in {city}?",
                "show {category} happening in {city}",
                "What's on in {city} for {date}, something like {keyword}?",
            ),
        ),
        Intent(
            names=(
                "get_event_details",
                "event_info_lookup",
                "fetch_event_listing",
                "describe_event",
            ),
            summaries=(
                "Get the venue, time, lineup and prices of an event.",
                "Look up the details of an event listing.",
            ),
            slots=(
                _EVENT_ID,
                Slot(
                    "include_seating_map",
                    "boolean",
                    "Add the venue's seating map.",
                    names=("include_seating_map", "seating_map"),
                    required=False,
                    default=False,
                    phrases=("with the seating map", "and show me the venue layout"),
                ),
            ),
            queries=(
                "Tell me about event {event_id}.",
                "event {event_id} details {include_seating_map}",
                "What time does {event_id} start, and where is it?",
                "Can you pull up listing {event_id} {include_seating_map}?",
                "I need the details of {event_id} before buying.",
                "Could you please show event {event_id} {include_seating_map}?",
                "My friend sent me {event_id} -- who's playing?",
                "Info on {event_id}, please.",
            ),
        ),
        Intent(
            names=(
                "buy_event_tickets",
                "purchase_event_tickets",
                "event_ticket_order_create",
                "book_show_tickets",
            ),
            summaries=(
                "Buy tickets for an event.",
                "Purchase a number of event tickets in a chosen section.",
            ),
            slots=(
                _EVENT_ID,
                Slot(
                    "quantity",
                    "integer",
                    "Number of tickets.",
                    names=("quantity", "tickets", "num_tickets"),
                    minimum=1,
                    maximum=10,
                ),
                Slot(
                    "section",
                    "text",
                    "Preferred seating section.",
                    names=("section", "seating_area", "zone"),
                    required=False,
                    examples=(
                        "floor standing",
                        "balcony",
                        "front row",
                        "section 112",
                        "general admission",
                        "VIP box",
                    ),
                ),
                Slot(
                    "delivery_email",
                    "email",
                    "Where the e-tickets go.",
                    names=("delivery_email", "email"),
                    required=False,
                ),
            ),
            queries=(
                "Buy {quantity} tickets for event {event_id}.",
                "tickets {event_id} x{quantity} {section}",
                "Can you get {quantity} {section} seats for {event_id}?",
                "I want {quantity} tickets to {event_id}; email them to {delivery_email}.",
                "Could you please purchase {quantity} {section} tickets for {event_id}?",
                "My friends and I need {quantity} tickets for {event_id}.",
                "Order {quantity} tickets, event {event_id}, sent to {delivery_email}.",
                "Book {quantity} for {event_id}, {section} if possible.",
                "Get tickets to {event_id}: {quantity} of them.",
            ),
        ),
        Intent(
            names=(
                "check_ticket_availability",
                "event_ticket_prices",
                "get_event_seat_availability",
                "lookup_ticket_prices",
            ),
            summaries=(
                "Check which tickets are left for an event and at what price.",
                "Get seat availability and prices for an event.",
            ),
            slots=(
                _EVENT_ID,
                Slot(
                    "quantity",
                    "integer",
                    "Number of seats together.",
                    names=("quantity", "seats", "party_size"),
                    required=False,
                    default=1,
                    minimum=1,
                    maximum=10,
                ),
            ),
            queries=(
                "Are there tickets left for {event_id}?",
                "availability {event_id} {quantity}",
                "How much are tickets for {event_id}?",
                "Can you check if {quantity} seats together are free for {event_id}?",
                "I need {quantity} tickets for {event_id}; is that still possible?",
                "Could you please look up ticket prices for event {event_id}?",
                "My sister wants to go to {event_id} -- anything left?",
                "prices {event_id}",
                "Is {event_id} sold out?",
            ),
        ),
        Intent(
            names=(
                "transfer_event_tickets",
                "send_tickets_to_friend",
                "ticket_transfer_create",
            ),
            summaries=(
                "Transfer tickets from an order to someone else by email.",
                "Send purchased tickets to another person.",
            ),
            slots=(
                _TICKET_ORDER,
                Slot(
                    "recipient_email",
                    "email",
                    "Email of the person receiving the tickets.",
                    names=("recipient_email", "to_email", "recipient"),
                ),
                Slot(
                    "ticket_count",
                    "integer",
                    "How many tickets to transfer; all when omitted.",
                    names=("ticket_count", "count", "quantity"),
                    required=False,
                    minimum=1,
                    maximum=10,
                ),
            ),
            queries=(
                "Transfer the tickets from {ticket_order_id} to {recipient_email}.",
                "transfer {ticket_order_id} {recipient_email} {ticket_count}",
                "Can you send {ticket_count} tickets from order {ticket_order_id} "
                "to {recipient_email}?",
                "I can't go; give my tickets in {ticket_order_id} to {recipient_email}.",
                "Could you please move {ticket_count} of the {ticket_order_id} tickets "
                "to {recipient_email}?",
                "My brother is going instead -- send {ticket_order_id} to {recipient_email}.",
                "Forward order {ticket_order_id} to {recipient_email}.",
                "Please pass {ticket_count} tickets ({ticket_order_id}) on to {recipient_email}.",
            ),
        ),
        Intent(
            names=(
                "request_ticket_refund",
                "cancel_ticket_order",
                "ticket_order_refund",
            ),
            summaries=(
                "Cancel a ticket order and ask for a refund.",
                "Request a refund for event tickets.",
            ),
            slots=(
                _TICKET_ORDER,
                Slot(
                    "reason",
                    "text",
                    "Why the refund is requested.",
                    names=("reason", "refund_reason"),
                    required=False,
                    examples=(
                        "the show was postponed",
                        "I can't attend anymore",
                        "bought duplicate tickets by accident",
                        "the headliner cancelled",
                        "I'm sick",
                    ),
                ),
            ),
            queries=(
                "Refund ticket order {ticket_order_id}.",
                "refund {ticket_order_id}",
                "Can you cancel my tickets {ticket_order_id}? Reason: {reason}.",
                "I want my money back for {ticket_order_id} -- {reason}.",
                "Could you please request a refund on order {ticket_order_id}?",
                "My plans fell through, so cancel {ticket_order_id}.",
                "refund request {ticket_order_id}, {reason}",
                "Please cancel ticket order {ticket_order_id} and refund me.",
            ),
        ),
        Intent(
            names=(
                "follow_performer_alerts",
                "create_artist_tour_alert",
                "subscribe_event_announcements",
            ),
            summaries=(
                "Get notified when a performer announces events.",
                "Follow an artist or team for new dates and ticket sales.",
            ),
            slots=(
                Slot(
                    "performer",
                    "text",
                    "Artist, band or team to follow.",
                    names=("performer", "artist", "artist_name"),
                    examples=(
                        "Hollow Pines",
                        "Mira Calder",
                        "The Velvet Static",
                        "DJ Koru",
                        "Lakeside Jazz Trio",
                        "the City Ballet",
                    ),
                ),
                Slot(
                    "city",
                    "city",
                    "Only alert for events in this city.",
                    names=("city", "location"),
                    required=False,
                ),
                Slot(
                    "notify_email",
                    "email",
                    "Where to send alerts.",
                    names=("notify_email", "email"),
                    required=False,
                ),
            ),
            queries=(
                "Follow {performer} for new shows.",
                "alert {performer} {city}",
                "Let me know when {performer} plays in {city}.",
                "Can you notify {notify_email} when {performer} announces dates?",
                "I never want to miss {performer} again; set up alerts.",
                "Could you please alert me about {performer} shows in {city}?",
                "My daughter loves {performer} -- email {notify_email} when tickets drop.",
                "Subscribe me to {performer} announcements.",
            ),
        ),
    ),
)


# --- time zones -----------------------------------------------------------------------------

TIME_ZONES = Domain(
    "time_zones",
    (
        Intent(
            names=(
                "get_current_local_time",
                "current_time_in_city",
                "local_time_lookup",
                "fetch_time_in_location",
            ),
            summaries=(
                "Get the current local time in a city.",
                "Tell what time it is right now somewhere.",
            ),
            slots=(
                Slot("city", "city", "City to report on.", names=("city", "location", "place")),
                Slot(
                    "show_utc_offset",
                    "boolean",
                    "Add the UTC offset to the answer.",
                    names=("show_utc_offset", "include_offset"),
                    required=False,
                    default=False,
                    phrases=("with the UTC offset", "and its offset from UTC"),
                ),
            ),
            queries=(
                "What time is it in {city}?",
                "time {city} {show_utc_offset}",
                "Can you tell me the local time in {city} {show_utc_offset}?",
                "I need to call someone in {city}; what time is it there?",
                "Could you please check the current time in {city}?",
                "My son is studying in {city} -- is it late there now?",
                "Current time in {city} {show_utc_offset}, please.",
                "Is it morning in {city} right now?",
            ),
        ),
        Intent(
            names=(
                "convert_time_between_zones",
                "timezone_time_convert",
                "translate_local_time",
                "time_zone_conversion",
            ),
            summaries=(
                "Convert a time of day from one city's time zone to another's.",
                "Translate a local time into the time elsewhere.",
            ),
            slots=(
                Slot("time", "time", "Time of day to convert.", names=("time", "local_time")),
                Slot(
                    "from_city",
                    "city",
                    "City whose time is given.",
                    names=("from_city", "source_location", "from_zone"),
                ),
                Slot(
                    "to_city",
                    "city",
                    "City to convert to.",
                    names=("to_city", "target_location", "to_zone"),
                ),
                Slot(
                    "date",
                    "date",
                    "Day of the time, for daylight saving; today when omitted.",
                    names=("date", "on_date"),
                    required=False,
                ),
            ),
            queries=(
                "What is {time} {from_city} time in {to_city}?",
                "{time} {from_city} to {to_city}",
                "Convert {time} {from_city} time to {to_city} time on {date}.",
                "Can you tell me what time it'll be in {to_city} when it's {time} in {from_city}?",
                "I have a call at {time} {from_city} time; what's that in {to_city}?",
                "Could you please convert {time} on {date} from {from_city} to {to_city}?",
                "My client in {to_city} asked: is {time} {from_city} time too early for them?",
                "If it's {time} in {from_city} on {date}, what time is it in {to_city}?",
            ),
        ),
        Intent(
            names=(
                "time_difference_between_cities",
                "timezone_offset_between",
                "compare_city_time_zones",
                "hours_apart_lookup",
            ),
            summaries=(
                "Get how many hours apart two cities are.",
                "Compare the time zones of two places.",
            ),
            slots=(
                Slot("city_a", "city", "First city.", names=("city_a", "first_city", "from_city")),
                Slot("city_b", "city", "Second city.", names=("city_b", "second_city", "to_city")),
            ),
            queries=(
                "What's the time difference between {city_a} and {city_b}?",
                "time difference {city_a} {city_b}",
                "How many hours ahead is {city_b} compared with {city_a}?",
                "Can you compare the time zones of {city_a} and {city_b}?",
                "I live in {city_a} and my partner is in {city_b}; how far apart are we in hours?",
                "Could you please tell me the offset between {city_a} and {city_b}?",
                "My team is split between {city_a} and {city_b} -- what's the time gap?",
                "hours between {city_a} and {city_b}",
            ),
        ),
        Intent(
            names=(
                "get_timezone_for_location",
                "lookup_iana_timezone",
                "timezone_info_for_city",
                "which_timezone_is",
            ),
            summaries=(
                "Get the time zone name and UTC offset of a city.",
                "Look up which time zone a place is in.",
            ),
            slots=(
                Slot("city", "city", "City to look up.", names=("city", "location", "place")),
                Slot(
                    "include_dst",
                    "boolean",
                    "Say whether and when it observes daylight saving time.",
                    names=("include_dst", "dst_info"),
                    required=False,
                    default=False,
                    phrases=("and whether it observes daylight saving", "including DST rules"),
                ),
            ),
            queries=(
                "What time zone is {city} in?",
                "timezone {city} {include_dst}",
                "Can you tell me the UTC offset of {city} {include_dst}?",
                "I'm setting up a server for {city}; which time zone should it use?",
                "Could you please look up the time zone of {city} {include_dst}?",
                "My calendar needs the zone for {city} -- what is it?",
                "Which IANA zone covers {city}?",
                "tz for {city}",
            ),
        ),
        Intent(
            names=(
                "find_meeting_time_across_zones",
                "suggest_cross_timezone_meeting",
                "meeting_slot_planner",
                "overlap_working_hours",
            ),
            summaries=(
                "Suggest meeting times that fall in working hours across cities.",
                "Find the overlap of business hours in several time zones.",
            ),
            slots=(
                Slot(
                    "cities",
                    "city",
                    "Cities of the participants.",
                    names=("cities", "locations", "participant_cities"),
                    many=True,
                ),
                Slot(
                    "date",
                    "date",
                    "Day of the meeting.",
                    names=("date", "meeting_date", "day"),
                    required=False,
                ),
                Slot(
                    "duration_minutes",
                    "integer",
                    "Length of the meeting in minutes.",
                    names=("duration_minutes", "length_minutes", "duration"),
                    required=False,
                    default=60,
                    minimum=15,
                    maximum=240,
                ),
            ),
            queries=(
                "Find a meeting time that works for {cities}.",
                "meeting slot {cities} {date}",
                "When can people in {cities} all meet on {date}?",
                "Can you suggest a {duration_minutes}-minute slot for {cities}?",
                "I'm organizing a call with colleagues in {cities}; what time suits everyone?",
                "Could you please find overlapping work hours for {cities} on {date}?",
                "My team sits in {cities} -- when can we hold a {duration_minutes}-minute sync?",
                "best meeting time for {cities}",
            ),
        ),
        Intent(
            names=(
                "get_daylight_saving_dates",
                "dst_transition_lookup",
                "daylight_saving_schedule",
                "when_do_clocks_change",
            ),
            summaries=(
                "Get the dates when clocks change for daylight saving in a country.",
                "Look up daylight saving time start and end for a year.",
            ),
            slots=(
                Slot(
                    "country",
                    "country",
                    "Country to look up.",
                    names=("country", "region", "country_name"),
                ),
                Slot(
                    "year",
                    "integer",
                    "Year; the current one when omitted.",
                    names=("year", "for_year"),
                    required=False,
                    minimum=2000,
                    maximum=2035,
                ),
            ),
            queries=(
                "When do the clocks change in {country}?",
                "dst {country} {year}",
                "When does daylight saving start and end in {country} in {year}?",
                "Can you tell me if {country} uses daylight saving time?",
                "I keep forgetting -- when do clocks go forward in {country}?",
                "Could you please list the DST dates for {country} in {year}?",
                "My flight to {country} is in spring; do the clocks change around then?",
                "daylight saving dates {country}",
            ),
        ),
        Intent(
            names=(
                "convert_unix_timestamp",
                "epoch_to_local_time",
                "timestamp_to_datetime",
                "unix_time_lookup",
            ),
            summaries=(
                "Convert a Unix timestamp into a date and time.",
                "Turn epoch seconds into local time in a city.",
            ),
            slots=(
                Slot(
                    "timestamp",
                    "integer",
                    "Seconds since 1970-01-01 UTC.",
                    names=("timestamp", "epoch_seconds", "unix_time"),
                    minimum=1000000000,
                    maximum=2000000000,
                ),
                Slot(
                    "city",
                    "city",
                    "Show the time in this city; UTC when omitted.",
                    names=("city", "timezone_city", "location"),
                    required=False,
                ),
            ),
            queries=(
                "Convert {timestamp} to a readable date.",
                "epoch {timestamp} {city}",
                "What time is unix timestamp {timestamp} in {city}?",
                "Can you turn {timestamp} into a date and time?",
                "I found {timestamp} in a log file; when was that in {city} time?",
                "Could you please convert epoch {timestamp} to local time in {city}?",
                "My server logged {timestamp} -- what date is that?",
                "timestamp {timestamp} to human time",
            ),
        ),
    ),
)


DOMAINS: tuple[Domain, ...] = (
    FLIGHTS,
    HOTELS,
    CAR_RENTAL,
    RIDE_HAILING,
    PUBLIC_TRANSIT,
    MAPS_AND_NAVIGATION,
    RESTAURANTS,
    FOOD_DELIVERY,
    PARKING,
    EVENTS_AND_TICKETS,
    TIME_ZONES,
)
