"""Catalog domains for money, shopping, parcels, security lookups and everyday calculation."""

from fncall.train.synth.catalog import Domain, Intent, Slot

# ---------------------------------------------------------------- shared slots

_BASE_CURRENCY = Slot(
    "base_currency",
    "currency",
    "Currency to convert from (ISO 4217 code).",
    names=("base_currency", "from_currency", "source_currency"),
)
_TARGET_CURRENCY = Slot(
    "target_currency",
    "currency",
    "Currency to convert to (ISO 4217 code).",
    names=("target_currency", "to_currency", "quote_currency"),
)
_NOTIFY_EMAIL = Slot(
    "email",
    "email",
    "Address that receives the notification.",
    names=("email", "notify_email", "recipient_email"),
    required=False,
)
_START_DATE = Slot(
    "start_date",
    "date",
    "First day of the period.",
    names=("start_date", "from_date", "date_from"),
)
_END_DATE = Slot(
    "end_date",
    "date",
    "Last day of the period; today when omitted.",
    names=("end_date", "to_date", "date_to"),
    required=False,
)
_SINCE = Slot(
    "since",
    "date",
    "Only include items from this day on.",
    names=("since", "start_date", "after"),
    required=False,
)
_INTERVAL = Slot(
    "interval",
    "enum",
    "Spacing of the data points.",
    names=("interval", "granularity", "frequency"),
    required=False,
    default="daily",
    choices=("daily", "weekly", "monthly"),
    aliases={
        "daily": ("daily", "day-by-day"),
        "weekly": ("weekly", "week-by-week"),
        "monthly": ("monthly", "month-end"),
    },
)
_DIRECTION = Slot(
    "direction",
    "enum",
    "Whether the alert fires when the price rises above or falls below the threshold.",
    names=("direction", "condition", "trigger_when"),
    required=False,
    default="above",
    choices=("above", "below"),
    aliases={"above": ("above", "over", "higher than"), "below": ("below", "under", "lower than")},
)
_DECIMALS = Slot(
    "decimals",
    "integer",
    "Decimal places to round the result to.",
    names=("decimals", "precision", "decimal_places"),
    required=False,
    default=2,
    minimum=0,
    maximum=8,
)

# ---------------------------------------------------------------- currency_exchange

_FX_AMOUNT = Slot(
    "amount",
    "number",
    "Amount of money to convert.",
    names=("amount", "value", "sum"),
    minimum=1,
    maximum=1000000,
)

CURRENCY_EXCHANGE = Domain(
    "currency_exchange",
    (
        Intent(
            names=(
                "get_fx_rate",
                "fetch_currency_exchange_rate",
                "exchange_rate_lookup",
                "currency_pair_rate",
            ),
            summaries=(
                "Get the exchange rate between two currencies.",
                "Look up what one currency is worth in another, optionally on a past date.",
                "Return the mid-market rate for a currency pair.",
            ),
            slots=(
                _BASE_CURRENCY,
                _TARGET_CURRENCY,
                Slot(
                    "date",
                    "date",
                    "Day of the rate; today when omitted.",
                    names=("date", "as_of", "rate_date"),
                    required=False,
                ),
            ),
            queries=(
                "What's the exchange rate from {base_currency} to {target_currency}?",
                "{base_currency} to {target_currency} rate",
                "Could you please look up the {base_currency}/{target_currency} rate for {date}?",
                "I need the {base_currency} to {target_currency} rate as of {date} for my "
                "expenses.",
                "What's the going rate for {base_currency} in {target_currency} today?",
                "Get the current rate for {base_currency} against {target_currency}.",
                "My accountant wants the {base_currency}-{target_currency} rate on {date}.",
                "rate {base_currency} {target_currency} {date}",
                "Can you check where {base_currency} is trading against {target_currency}?",
            ),
        ),
        Intent(
            names=(
                "convert_currency_amount",
                "money_amount_convert",
                "fx_convert_amount",
                "exchange_amount_calculate",
            ),
            summaries=(
                "Convert an amount of money from one currency to another.",
                "Work out what a sum in one currency comes to in another at today's rate.",
            ),
            slots=(_FX_AMOUNT, _BASE_CURRENCY, _TARGET_CURRENCY),
            queries=(
                "Convert {amount} {base_currency} to {target_currency}.",
                "How much is {amount} {base_currency} in {target_currency}?",
                "{amount} {base_currency} to {target_currency}",
                "I owe a supplier {amount} {base_currency}; what is that in {target_currency}?",
                "Could you please convert {amount} {base_currency} into {target_currency} for me?",
                "What would {amount} {base_currency} be worth in {target_currency} right now?",
                "My rent is {amount} {base_currency} -- how much is that in {target_currency}?",
                "Can you tell me what {amount} {base_currency} converts to in {target_currency}?",
                "need {amount} {base_currency} in {target_currency}",
            ),
        ),
        Intent(
            names=(
                "get_fx_rate_history",
                "currency_rate_timeseries",
                "fetch_historical_exchange_rates",
                "exchange_rate_history_list",
            ),
            summaries=(
                "Get historical exchange rates for a currency pair over a date range.",
                "Return a time series of rates between two currencies.",
            ),
            slots=(_BASE_CURRENCY, _TARGET_CURRENCY, _START_DATE, _END_DATE, _INTERVAL),
            queries=(
                "Show the {base_currency} to {target_currency} rates from {start_date} to "
                "{end_date}.",
                "{base_currency}/{target_currency} history since {start_date}",
                "How has {base_currency} moved against {target_currency} since {start_date}?",
                "Could you pull {interval} {base_currency}-{target_currency} rates from "
                "{start_date}?",
                "I need {interval} {base_currency} to {target_currency} rates from {start_date} "
                "until {end_date}.",
                "Get historical exchange rates, {base_currency} to {target_currency}, "
                "from {start_date}.",
                "My finance team wants {base_currency} vs {target_currency} from {start_date} "
                "through {end_date}, {interval}.",
                "Can you chart the {base_currency} to {target_currency} rate since {start_date}?",
                "fx history {base_currency} {target_currency} {start_date} {interval}",
            ),
        ),
        Intent(
            names=(
                "get_country_currency",
                "lookup_national_currency",
                "currency_by_country",
                "country_currency_info",
            ),
            summaries=(
                "Find the official currency of a country.",
                "Return the currency name, ISO code and symbol used in a country.",
            ),
            slots=(
                Slot(
                    "country",
                    "country",
                    "Country to look up.",
                    names=("country", "country_name", "nation"),
                ),
            ),
            queries=(
                "What currency do they use in {country}?",
                "currency {country}",
                "Which money should I bring to {country}?",
                "I'm travelling to {country} next month -- what's the local currency?",
                "Look up the official currency of {country}.",
                "Could you tell me which currency {country} uses, please?",
                "My cousin just moved to {country}; what do people pay with there?",
                "Find the ISO currency code for {country}.",
                "national currency of {country}?",
            ),
        ),
        Intent(
            names=(
                "create_fx_rate_alert",
                "fx_alert_create",
                "set_exchange_rate_alert",
                "currency_rate_watch_add",
            ),
            summaries=(
                "Create an alert that fires when an exchange rate crosses a threshold.",
                "Watch a currency pair and notify the user at a target rate.",
            ),
            slots=(
                _BASE_CURRENCY,
                _TARGET_CURRENCY,
                Slot(
                    "threshold",
                    "number",
                    "Rate that triggers the alert.",
                    names=("threshold", "target_rate", "trigger_rate"),
                    minimum=0.01,
                    maximum=500,
                ),
                _DIRECTION,
                _NOTIFY_EMAIL,
            ),
            queries=(
                "Alert me when {base_currency} to {target_currency} goes {direction} {threshold}.",
                "Set an exchange rate alert for {base_currency}/{target_currency} at {threshold}.",
                "Can you email {email} if the {base_currency}-{target_currency} rate is "
                "{direction} {threshold}?",
                "I want to know when {base_currency} hits {threshold} {target_currency}.",
                "Please notify {email} once {base_currency} to {target_currency} reaches "
                "{threshold}.",
                "fx alert {base_currency} {target_currency} {direction} {threshold}",
                "Could you set up a watch on {base_currency} vs {target_currency} for a rate "
                "{direction} {threshold}, please?",
                "My boss wants a heads-up whenever {base_currency} against {target_currency} "
                "crosses {threshold}.",
                "Watch {base_currency}/{target_currency} and tell me when it's {direction} "
                "{threshold}.",
            ),
        ),
        Intent(
            names=("delete_fx_rate_alert", "fx_alert_remove", "cancel_exchange_rate_alert"),
            summaries=(
                "Delete an exchange rate alert.",
                "Stop watching a currency pair by removing its alert.",
            ),
            slots=(
                Slot(
                    "alert_id",
                    "identifier",
                    "ID of the rate alert.",
                    names=("alert_id", "id", "watch_id"),
                    examples=("FXA-10293", "FXA-55812", "FXA-70431", "FXA-23017", "FXA-98124"),
                ),
            ),
            queries=(
                "Delete rate alert {alert_id}.",
                "remove fx alert {alert_id}",
                "Can you cancel my exchange rate alert {alert_id}?",
                "I don't need alert {alert_id} anymore, please get rid of it.",
                "Could you please switch off the currency watch {alert_id}?",
                "Stop the {alert_id} alert -- I already made the transfer.",
                "Please remove the exchange rate notification with ID {alert_id}.",
                "My manager asked me to clean up alert {alert_id}; can you delete it?",
                "kill alert {alert_id}",
            ),
        ),
        Intent(
            names=(
                "compare_money_transfer_quotes",
                "remittance_quote_compare",
                "fetch_transfer_provider_quotes",
            ),
            summaries=(
                "Compare fees and rates of money transfer providers for an international payment.",
                "Quote how much the recipient gets abroad with each transfer service.",
            ),
            slots=(
                _FX_AMOUNT,
                _BASE_CURRENCY,
                _TARGET_CURRENCY,
                Slot(
                    "delivery_method",
                    "enum",
                    "How the recipient receives the money.",
                    names=("delivery_method", "payout_method", "receive_method"),
                    required=False,
                    default="bank_deposit",
                    choices=("bank_deposit", "cash_pickup", "mobile_wallet"),
                    aliases={
                        "bank_deposit": ("bank deposit", "direct bank deposit"),
                        "cash_pickup": ("cash pickup", "cash collection"),
                        "mobile_wallet": ("mobile wallet", "mobile money"),
                    },
                ),
            ),
            queries=(
                "Compare transfer fees for sending {amount} {base_currency} as {target_currency}.",
                "What's the cheapest way to send {amount} {base_currency} home in "
                "{target_currency}?",
                "I need to send my parents {amount} {base_currency}; they get paid in "
                "{target_currency} via {delivery_method}.",
                "Could you please get quotes to wire {amount} {base_currency} into "
                "{target_currency}?",
                "remittance quotes {amount} {base_currency} -> {target_currency} {delivery_method}",
                "Which provider gives the best rate on {amount} {base_currency} converted to "
                "{target_currency}?",
                "Show me transfer options for {amount} {base_currency} to {target_currency} "
                "with {delivery_method}.",
                "Can you find who charges least to move {amount} {base_currency} into "
                "{target_currency}?",
                "My sister needs {target_currency}; compare services for sending her "
                "{amount} {base_currency}.",
            ),
        ),
    ),
)

# ---------------------------------------------------------------- unit_conversion


def _unit_pair(measure: str, choices: tuple[str, ...], aliases: dict) -> tuple[Slot, Slot]:
    """The from/to unit slots of a conversion between units of one measure."""
    return (
        Slot(
            "from_unit",
            "enum",
            f"{measure} unit the value is given in.",
            names=("from_unit", "source_unit", "unit_from"),
            choices=choices,
            aliases=aliases,
        ),
        Slot(
            "to_unit",
            "enum",
            f"{measure} unit to convert to.",
            names=("to_unit", "target_unit", "unit_to"),
            choices=choices,
            aliases=aliases,
        ),
    )


_QUANTITY = Slot(
    "value",
    "number",
    "The quantity to convert.",
    names=("value", "amount", "quantity"),
    minimum=0.1,
    maximum=10000,
)
_TEMPERATURE_VALUE = Slot(
    "value",
    "number",
    "The temperature to convert.",
    names=("value", "temperature", "degrees"),
    minimum=-80,
    maximum=500,
)
_LENGTH_UNITS = _unit_pair(
    "Length",
    ("meters", "kilometers", "centimeters", "millimeters", "miles", "feet", "inches", "yards"),
    {
        "meters": ("meters", "metres", "m"),
        "kilometers": ("kilometers", "kilometres", "km"),
        "centimeters": ("centimeters", "cm"),
        "millimeters": ("millimeters", "mm"),
        "miles": ("miles", "mi"),
        "feet": ("feet", "ft"),
        "inches": ("inches",),
        "yards": ("yards", "yd"),
    },
)
_WEIGHT_UNITS = _unit_pair(
    "Weight",
    ("kilograms", "grams", "pounds", "ounces", "stones", "tonnes"),
    {
        "kilograms": ("kilograms", "kg", "kilos"),
        "grams": ("grams", "g"),
        "pounds": ("pounds", "lbs", "lb"),
        "ounces": ("ounces", "oz"),
        "stones": ("stone", "st"),
        "tonnes": ("tonnes", "metric tons", "t"),
    },
)
_TEMPERATURE_UNITS = _unit_pair(
    "Temperature",
    ("celsius", "fahrenheit", "kelvin"),
    {
        "celsius": ("degrees Celsius", "°C", "Celsius"),
        "fahrenheit": ("degrees Fahrenheit", "°F", "Fahrenheit"),
        "kelvin": ("kelvin", "K"),
    },
)
_VOLUME_UNITS = _unit_pair(
    "Volume",
    ("liters", "milliliters", "us_gallons", "cups", "fluid_ounces", "tablespoons", "teaspoons"),
    {
        "liters": ("liters", "litres", "L"),
        "milliliters": ("milliliters", "ml"),
        "us_gallons": ("gallons", "US gallons", "gal"),
        "cups": ("cups",),
        "fluid_ounces": ("fluid ounces", "fl oz"),
        "tablespoons": ("tablespoons", "tbsp"),
        "teaspoons": ("teaspoons", "tsp"),
    },
)
_DATA_UNITS = _unit_pair(
    "Data size",
    ("bytes", "kilobytes", "megabytes", "gigabytes", "terabytes"),
    {
        "bytes": ("bytes", "B"),
        "kilobytes": ("kilobytes", "KB"),
        "megabytes": ("megabytes", "MB", "megs"),
        "gigabytes": ("gigabytes", "GB", "gigs"),
        "terabytes": ("terabytes", "TB"),
    },
)
_SPEED_UNITS = _unit_pair(
    "Speed",
    ("kilometers_per_hour", "miles_per_hour", "meters_per_second", "knots"),
    {
        "kilometers_per_hour": ("km/h", "kilometers per hour", "kph"),
        "miles_per_hour": ("mph", "miles per hour"),
        "meters_per_second": ("m/s", "meters per second"),
        "knots": ("knots", "kn"),
    },
)
_AREA_UNITS = _unit_pair(
    "Area",
    ("square_meters", "square_feet", "square_kilometers", "square_miles", "acres", "hectares"),
    {
        "square_meters": ("square meters", "m²", "sq m"),
        "square_feet": ("square feet", "sq ft", "ft²"),
        "square_kilometers": ("square kilometers", "km²"),
        "square_miles": ("square miles", "sq mi"),
        "acres": ("acres",),
        "hectares": ("hectares", "ha"),
    },
)

UNIT_CONVERSION = Domain(
    "unit_conversion",
    (
        Intent(
            names=("convert_length_units", "length_unit_convert", "distance_units_convert"),
            summaries=(
                "Convert a length or distance between metric and imperial units.",
                "Express a distance in another unit of length.",
            ),
            slots=(_QUANTITY, *_LENGTH_UNITS, _DECIMALS),
            queries=(
                "Convert {value} {from_unit} to {to_unit}.",
                "How many {to_unit} is {value} {from_unit}?",
                "{value} {from_unit} in {to_unit}",
                "Could you please convert {value} {from_unit} into {to_unit}, rounded to "
                "{decimals} decimals?",
                "The trail is {value} {from_unit} long -- what's that in {to_unit}?",
                "The shelf is {value} {from_unit} wide; how much is that in {to_unit}?",
                "What's {value} {from_unit} in {to_unit} with {decimals} decimal places?",
                "My blueprint says {value} {from_unit}. Can you give it to me in {to_unit}?",
                "length {value} {from_unit} -> {to_unit}",
            ),
        ),
        Intent(
            names=("convert_weight_units", "mass_unit_convert", "weight_converter"),
            summaries=(
                "Convert a weight or mass between units.",
                "Express a mass in kilograms, pounds, ounces or another unit.",
            ),
            slots=(_QUANTITY, *_WEIGHT_UNITS, _DECIMALS),
            queries=(
                "Convert {value} {from_unit} to {to_unit}.",
                "How much is {value} {from_unit} in {to_unit}?",
                "{value} {from_unit} to {to_unit}",
                "My suitcase weighs {value} {from_unit}; what's that in {to_unit}?",
                "The recipe calls for {value} {from_unit} of flour. How many {to_unit} is that?",
                "Could you convert {value} {from_unit} to {to_unit} to {decimals} decimal places, "
                "please?",
                "I need {value} {from_unit} expressed in {to_unit} for the shipping form.",
                "What does {value} {from_unit} come to in {to_unit}?",
                "weight {value} {from_unit} as {to_unit}, {decimals} dp",
            ),
        ),
        Intent(
            names=(
                "convert_temperature_scale",
                "temperature_reading_convert",
                "temp_scale_converter",
            ),
            summaries=(
                "Convert a temperature between Celsius, Fahrenheit and Kelvin.",
                "Translate a temperature reading to another scale.",
            ),
            slots=(_TEMPERATURE_VALUE, *_TEMPERATURE_UNITS, _DECIMALS),
            queries=(
                "Convert {value} {from_unit} to {to_unit}.",
                "What is {value} {from_unit} in {to_unit}?",
                "{value} {from_unit} to {to_unit}",
                "The oven manual says {value} {from_unit}. What should I set in {to_unit}?",
                "Could you please express {value} {from_unit} in {to_unit}?",
                "My thermometer reads {value} {from_unit}; how much is that in {to_unit}, "
                "to {decimals} decimals?",
                "I need {value} {from_unit} in {to_unit} for a lab report.",
                "Is {value} {from_unit} hot? Give it to me in {to_unit}.",
                "temp {value} {from_unit} -> {to_unit} ({decimals} decimals)",
            ),
        ),
        Intent(
            names=("convert_volume_units", "liquid_volume_convert", "volume_measure_converter"),
            summaries=(
                "Convert a volume between metric, US and kitchen units.",
                "Express a liquid or cooking measure in another unit of volume.",
            ),
            slots=(_QUANTITY, *_VOLUME_UNITS, _DECIMALS),
            queries=(
                "Convert {value} {from_unit} to {to_unit}.",
                "How many {to_unit} are in {value} {from_unit}?",
                "{value} {from_unit} in {to_unit}",
                "The recipe needs {value} {from_unit} of milk; how much is that in {to_unit}?",
                "Could you convert {value} {from_unit} to {to_unit}, rounded to {decimals} places?",
                "The tank holds {value} {from_unit}. What's that in {to_unit}?",
                "Please tell me what {value} {from_unit} equals in {to_unit}.",
                "My water bottle holds {value} {from_unit} -- how many {to_unit} is that?",
                "volume {value} {from_unit} -> {to_unit}",
            ),
        ),
        Intent(
            names=("convert_data_storage_size", "data_size_unit_convert", "bytes_unit_converter"),
            summaries=(
                "Convert a digital storage size between bytes, KB, MB, GB and TB.",
                "Express a file or disk size in another data unit.",
            ),
            slots=(
                _QUANTITY,
                *_DATA_UNITS,
                Slot(
                    "binary",
                    "boolean",
                    "Use 1024-based (binary) multiples instead of 1000-based ones.",
                    names=("binary", "use_binary_prefixes", "base_1024"),
                    required=False,
                    default=False,
                    phrases=("using binary units", "with 1024-based multiples"),
                ),
            ),
            queries=(
                "Convert {value} {from_unit} to {to_unit} {binary}.",
                "How many {to_unit} is {value} {from_unit}?",
                "{value} {from_unit} in {to_unit}",
                "My backup is {value} {from_unit}; what's that in {to_unit} {binary}?",
                "Could you please express {value} {from_unit} in {to_unit}?",
                "The video file is {value} {from_unit}. How big is it in {to_unit}?",
                "I need to know what {value} {from_unit} is in {to_unit} {binary}.",
                "Can you turn {value} {from_unit} into {to_unit} for my storage quote?",
                "size {value} {from_unit} to {to_unit} {binary}",
            ),
        ),
        Intent(
            names=("convert_speed_units", "velocity_unit_convert", "speed_converter_tool"),
            summaries=(
                "Convert a speed between km/h, mph, m/s and knots.",
                "Express a velocity in another unit of speed.",
            ),
            slots=(_QUANTITY, *_SPEED_UNITS, _DECIMALS),
            queries=(
                "Convert {value} {from_unit} to {to_unit}.",
                "What is {value} {from_unit} in {to_unit}?",
                "{value} {from_unit} to {to_unit}",
                "The speed limit here is {value} {from_unit}. How fast is that in {to_unit}?",
                "Could you please convert a wind speed of {value} {from_unit} to {to_unit}?",
                "My boat does {value} {from_unit}; give me that in {to_unit} to {decimals} "
                "decimals.",
                "I need {value} {from_unit} in {to_unit} for a physics problem.",
                "How quick is {value} {from_unit} when expressed in {to_unit}?",
                "speed {value} {from_unit} -> {to_unit}, {decimals} places",
            ),
        ),
        Intent(
            names=("convert_area_units", "land_area_convert", "area_measure_converter"),
            summaries=(
                "Convert an area between square units, acres and hectares.",
                "Express a floor or land area in another unit.",
            ),
            slots=(_QUANTITY, *_AREA_UNITS, _DECIMALS),
            queries=(
                "Convert {value} {from_unit} to {to_unit}.",
                "How many {to_unit} is {value} {from_unit}?",
                "{value} {from_unit} in {to_unit}",
                "The apartment is {value} {from_unit}; what's that in {to_unit}?",
                "Could you express a plot of {value} {from_unit} in {to_unit}, please?",
                "We're buying {value} {from_unit} of farmland. How much is that in {to_unit}?",
                "I need {value} {from_unit} converted to {to_unit} with {decimals} decimals.",
                "What does {value} {from_unit} come to in {to_unit}?",
                "area {value} {from_unit} -> {to_unit}",
            ),
        ),
    ),
)

# ---------------------------------------------------------------- stocks

_TICKER = Slot(
    "ticker",
    "identifier",
    "Stock ticker symbol.",
    names=("ticker", "symbol", "stock_symbol"),
    examples=("AAPL", "MSFT", "NVDA", "TSLA", "AMZN", "KO", "JPM"),
)
_TRADE_SIDE = Slot(
    "side",
    "enum",
    "Whether to buy or sell.",
    names=("side", "action", "direction"),
    choices=("buy", "sell"),
    aliases={"buy": ("buy", "purchase", "pick up"), "sell": ("sell", "dump", "offload")},
)

STOCKS = Domain(
    "stocks",
    (
        Intent(
            names=(
                "get_stock_quote_realtime",
                "stock_quote_lookup",
                "fetch_equity_price",
                "ticker_price_now",
            ),
            summaries=(
                "Get the latest trading price and daily change of a stock.",
                "Look up a real-time quote for a ticker symbol.",
            ),
            slots=(
                _TICKER,
                Slot(
                    "exchange",
                    "enum",
                    "Exchange to quote from when the stock is listed on several.",
                    names=("exchange", "market", "listing_exchange"),
                    required=False,
                    choices=("nasdaq", "nyse", "lse", "xetra", "tse"),
                    aliases={
                        "nasdaq": ("Nasdaq", "NASDAQ"),
                        "nyse": ("NYSE", "the New York Stock Exchange"),
                        "lse": ("LSE", "the London Stock Exchange"),
                        "xetra": ("Xetra", "Frankfurt"),
                        "tse": ("TSE", "the Tokyo Stock Exchange"),
                    },
                ),
                Slot(
                    "extended_hours",
                    "boolean",
                    "Include pre-market and after-hours trading.",
                    names=("extended_hours", "include_extended_hours", "after_hours"),
                    required=False,
                    default=False,
                    phrases=("including after-hours trading", "with pre-market and after-hours"),
                ),
            ),
            queries=(
                "What's {ticker} trading at right now?",
                "{ticker} quote",
                "Get me the latest price for {ticker} on {exchange}.",
                "Could you please check the current share price of {ticker} {extended_hours}?",
                "How is {ticker} doing today?",
                "I'm thinking about selling -- where is {ticker} now {extended_hours}?",
                "price of {ticker} on {exchange}",
                "My boss wants to know what {ticker} stock is at.",
                "Can you look up a live quote for {ticker}?",
                "Show {ticker} price {extended_hours}",
            ),
        ),
        Intent(
            names=(
                "get_stock_price_history",
                "stock_ohlc_history",
                "fetch_historical_share_prices",
            ),
            summaries=(
                "Get historical open, high, low and close prices of a stock.",
                "Return a stock's price series over a date range.",
            ),
            slots=(_TICKER, _START_DATE, _END_DATE, _INTERVAL),
            queries=(
                "Show {ticker} prices from {start_date} to {end_date}.",
                "{ticker} history since {start_date}",
                "How has {ticker} performed since {start_date}?",
                "Could you pull {interval} closing prices for {ticker} starting {start_date}?",
                "I need {interval} {ticker} data between {start_date} and {end_date} for a "
                "backtest.",
                "Get the price history of {ticker} from {start_date}.",
                "What did {ticker} do between {start_date} and {end_date}?",
                "Can you chart {ticker} since {start_date}, {interval}?",
                "ohlc {ticker} {start_date} {end_date}",
            ),
        ),
        Intent(
            names=(
                "get_company_financials",
                "financial_statement_fetch",
                "lookup_company_statements",
            ),
            summaries=(
                "Get a listed company's income statement, balance sheet or cash flow.",
                "Fetch the reported financial statements of a company by ticker.",
            ),
            slots=(
                _TICKER,
                Slot(
                    "statement",
                    "enum",
                    "Which financial statement to return.",
                    names=("statement", "statement_type", "report"),
                    choices=("income_statement", "balance_sheet", "cash_flow"),
                    aliases={
                        "income_statement": ("income statement", "P&L", "profit and loss"),
                        "balance_sheet": ("balance sheet",),
                        "cash_flow": ("cash flow statement", "cash flows"),
                    },
                ),
                Slot(
                    "period",
                    "enum",
                    "Annual or quarterly figures.",
                    names=("period", "frequency", "reporting_period"),
                    required=False,
                    default="annual",
                    choices=("annual", "quarterly"),
                    aliases={"annual": ("annual", "yearly"), "quarterly": ("quarterly",)},
                ),
            ),
            queries=(
                "Get the {statement} for {ticker}.",
                "{ticker} {period} {statement}",
                "Show me {ticker}'s latest {period} {statement}.",
                "Could you please pull the {statement} of {ticker}?",
                "I'm valuing {ticker} and need its {period} {statement}.",
                "What does the {statement} of {ticker} look like?",
                "My analyst asked for {ticker}'s {statement}, {period} figures.",
                "Can you fetch {ticker} {statement} numbers?",
                "{statement} {ticker}",
            ),
        ),
        Intent(
            names=("add_to_stock_watchlist", "watchlist_tickers_add", "stock_watchlist_append"),
            summaries=(
                "Add one or more tickers to a stock watchlist.",
                "Start tracking stocks by putting them on a watchlist.",
            ),
            slots=(
                Slot(
                    "tickers",
                    "identifier",
                    "Ticker symbols to add.",
                    names=("tickers", "symbols", "stock_symbols"),
                    examples=("AAPL", "MSFT", "NVDA", "TSLA", "AMZN", "KO", "JPM"),
                    many=True,
                ),
                Slot(
                    "watchlist",
                    "text",
                    "Name of the watchlist; the default list when omitted.",
                    names=("watchlist", "watchlist_name", "list_name"),
                    required=False,
                    examples=("Tech", "Dividend picks", "Retirement", "Long shots", "EV makers"),
                ),
            ),
            queries=(
                "Add {tickers} to my watchlist.",
                "Put {tickers} on the {watchlist} list.",
                "watch {tickers}",
                "Could you please start tracking {tickers} for me?",
                "I want to keep an eye on {tickers} -- add them to {watchlist}.",
                "Can you add {tickers} to my {watchlist} watchlist?",
                "Track {tickers}, please.",
                "My friend recommended {tickers}; save them to my watchlist.",
                "add {tickers} to {watchlist}",
            ),
        ),
        Intent(
            names=(
                "place_stock_trade_order",
                "brokerage_order_submit",
                "create_equity_order",
                "stock_order_place",
            ),
            summaries=(
                "Place a buy or sell order for shares of a stock.",
                "Submit a market, limit or stop order to the brokerage account.",
            ),
            slots=(
                _TICKER,
                _TRADE_SIDE,
                Slot(
                    "quantity",
                    "integer",
                    "Number of shares.",
                    names=("quantity", "shares", "qty"),
                    minimum=1,
                    maximum=5000,
                ),
                Slot(
                    "order_type",
                    "enum",
                    "Kind of order.",
                    names=("order_type", "type", "execution"),
                    required=False,
                    default="market",
                    choices=("market", "limit", "stop"),
                    aliases={
                        "market": ("market order",),
                        "limit": ("limit order",),
                        "stop": ("stop order", "stop-loss order"),
                    },
                ),
                Slot(
                    "limit_price",
                    "number",
                    "Price per share for limit and stop orders.",
                    names=("limit_price", "price", "trigger_price"),
                    required=False,
                    minimum=1,
                    maximum=5000,
                ),
            ),
            queries=(
                "{side} {quantity} shares of {ticker}.",
                "Please {side} {quantity} {ticker} as a {order_type}.",
                "{side} {quantity} {ticker} @ {limit_price}",
                "Could you {side} {quantity} shares of {ticker} with a limit of {limit_price}?",
                "I want to {side} {quantity} {ticker} shares, {order_type}.",
                "Place an order to {side} {quantity} {ticker}.",
                "My advisor says {side} {quantity} of {ticker} if it gets to {limit_price}.",
                "Can you {side} {quantity} shares in {ticker} for me?",
                "Go ahead and {side} {quantity} {ticker} using a {order_type} at {limit_price}.",
            ),
        ),
        Intent(
            names=("cancel_stock_trade_order", "brokerage_order_cancel", "revoke_equity_order"),
            summaries=(
                "Cancel an open stock order that has not filled yet.",
                "Withdraw a pending order from the brokerage account.",
            ),
            slots=(
                Slot(
                    "order_id",
                    "identifier",
                    "ID of the open order.",
                    names=("order_id", "trade_id", "order_ref"),
                    examples=("TRD-558201", "TRD-104937", "TRD-720416", "TRD-339085", "TRD-861274"),
                ),
            ),
            queries=(
                "Cancel order {order_id}.",
                "cancel trade {order_id}",
                "Can you pull my open order {order_id}?",
                "I changed my mind -- please cancel {order_id}.",
                "Could you please withdraw the pending order {order_id}?",
                "Kill order {order_id} before the market opens.",
                "My limit order {order_id} is stale, cancel it.",
                "Please make sure {order_id} doesn't execute; cancel it.",
                "revoke {order_id}",
            ),
        ),
        Intent(
            names=("get_stock_news_headlines", "company_news_feed", "fetch_ticker_news"),
            summaries=(
                "Get recent news headlines about a stock.",
                "List the latest articles mentioning a company by its ticker.",
            ),
            slots=(
                _TICKER,
                Slot(
                    "limit",
                    "integer",
                    "Maximum number of articles.",
                    names=("limit", "max_results", "count"),
                    required=False,
                    default=10,
                    minimum=1,
                    maximum=50,
                ),
                _SINCE,
            ),
            queries=(
                "Any news on {ticker}?",
                "{ticker} headlines",
                "Show me the latest {limit} stories about {ticker}.",
                "What's been reported about {ticker} since {since}?",
                "Could you please find news on {ticker}?",
                "I want to know why {ticker} dropped -- get me the news since {since}.",
                "Give me {limit} recent {ticker} articles.",
                "My team asked for a digest of {ticker} news since {since}.",
                "Can you check the headlines for {ticker}?",
                "news {ticker} top {limit}",
            ),
        ),
        Intent(
            names=("screen_stocks_by_criteria", "equity_screener_run", "stock_filter_search"),
            summaries=(
                "Find stocks in a sector that match valuation and dividend filters.",
                "Run a stock screener by sector, P/E ratio and dividend yield.",
            ),
            slots=(
                Slot(
                    "sector",
                    "enum",
                    "Market sector to screen.",
                    names=("sector", "industry_sector", "segment"),
                    choices=(
                        "technology",
                        "healthcare",
                        "energy",
                        "financials",
                        "consumer_staples",
                        "utilities",
                        "industrials",
                    ),
                    aliases={
                        "technology": ("tech", "technology"),
                        "healthcare": ("healthcare", "health care", "pharma"),
                        "energy": ("energy", "oil and gas"),
                        "financials": ("financial", "banking"),
                        "consumer_staples": ("consumer staples",),
                        "utilities": ("utility", "utilities"),
                        "industrials": ("industrial", "industrials"),
                    },
                ),
                Slot(
                    "max_pe",
                    "number",
                    "Highest price-to-earnings ratio allowed.",
                    names=("max_pe", "pe_ratio_max", "max_pe_ratio"),
                    required=False,
                    minimum=5,
                    maximum=60,
                ),
                Slot(
                    "min_dividend_yield",
                    "number",
                    "Lowest dividend yield, in percent.",
                    names=("min_dividend_yield", "dividend_yield_min", "min_yield"),
                    required=False,
                    minimum=0.5,
                    maximum=10,
                ),
            ),
            queries=(
                "Find {sector} stocks with a P/E under {max_pe}.",
                "Screen {sector} stocks yielding at least {min_dividend_yield}%.",
                "{sector} stocks pe < {max_pe} yield > {min_dividend_yield}%",
                "Could you please list {sector} companies paying over {min_dividend_yield}% "
                "in dividends?",
                "I'm looking for cheap {sector} names, P/E below {max_pe}.",
                "Which {sector} stocks look undervalued right now?",
                "Run a screen on the {sector} sector.",
                "My portfolio needs more {sector} exposure; show stocks with P/E under {max_pe} "
                "and yield above {min_dividend_yield}%.",
                "Can you find {sector} shares for income investors?",
            ),
        ),
    ),
)

# ---------------------------------------------------------------- banking

_ACCOUNT_ID = Slot(
    "account_id",
    "identifier",
    "Bank account identifier.",
    names=("account_id", "account_number", "account"),
    examples=("CHK-20418", "SAV-77310", "CHK-51902", "SAV-13586", "CHK-86244"),
)
_PAYMENT_AMOUNT = Slot(
    "amount",
    "number",
    "Amount of money.",
    names=("amount", "sum", "value"),
    minimum=1,
    maximum=20000,
)

BANKING = Domain(
    "banking",
    (
        Intent(
            names=(
                "get_bank_account_balance",
                "bank_balance_check",
                "fetch_account_balance",
                "account_balance_lookup",
            ),
            summaries=(
                "Get the current balance of a bank account.",
                "Return the available and ledger balance for one of the user's accounts.",
            ),
            slots=(
                _ACCOUNT_ID,
                Slot(
                    "include_pending",
                    "boolean",
                    "Subtract pending card transactions from the balance.",
                    names=("include_pending", "with_pending", "count_pending"),
                    required=False,
                    default=False,
                    phrases=("including pending transactions", "counting pending charges"),
                ),
            ),
            queries=(
                "What's the balance on {account_id}?",
                "balance {account_id}",
                "How much money is in account {account_id} {include_pending}?",
                "Could you please check my balance for {account_id}?",
                "I'm about to pay rent -- what do I have in {account_id} {include_pending}?",
                "Show me the available funds in {account_id}.",
                "Can you tell me how much is left in {account_id}?",
                "My wife asked how much is in {account_id} {include_pending}.",
                "Check {account_id} balance {include_pending}",
            ),
        ),
        Intent(
            names=(
                "list_bank_transactions",
                "account_transactions_search",
                "fetch_bank_activity",
            ),
            summaries=(
                "List the transactions of a bank account, optionally filtered.",
                "Search account activity by date, spending category and amount.",
            ),
            slots=(
                _ACCOUNT_ID,
                _SINCE,
                Slot(
                    "category",
                    "enum",
                    "Spending category to filter by.",
                    names=("category", "spending_category", "merchant_category"),
                    required=False,
                    choices=(
                        "groceries",
                        "dining",
                        "travel",
                        "utilities",
                        "shopping",
                        "entertainment",
                    ),
                    aliases={
                        "groceries": ("groceries", "supermarket"),
                        "dining": ("dining", "restaurants", "eating out"),
                        "travel": ("travel",),
                        "utilities": ("utilities", "bills"),
                        "shopping": ("shopping", "retail"),
                        "entertainment": ("entertainment", "streaming and movies"),
                    },
                ),
                Slot(
                    "min_amount",
                    "number",
                    "Only transactions of at least this amount.",
                    names=("min_amount", "amount_min", "minimum_amount"),
                    required=False,
                    minimum=1,
                    maximum=5000,
                ),
            ),
            queries=(
                "Show transactions on {account_id} since {since}.",
                "{account_id} transactions",
                "List my {category} spending on {account_id}.",
                "Could you please find charges over {min_amount} on {account_id}?",
                "What did I spend on {category} from {account_id} since {since}?",
                "I think I was double charged -- show {account_id} activity since {since}.",
                "Pull every transaction above {min_amount} in {account_id}.",
                "My accountant needs the {category} transactions on {account_id}.",
                "Can you show me recent activity on {account_id}?",
                "txns {account_id} {category} > {min_amount}",
            ),
        ),
        Intent(
            names=("send_money_to_contact", "p2p_payment_send", "bank_transfer_to_person"),
            summaries=(
                "Send money to another person from the user's bank account.",
                "Make a person-to-person payment to a contact.",
            ),
            slots=(
                Slot(
                    "recipient",
                    "person",
                    "Person who receives the money.",
                    names=("recipient", "payee", "to_person"),
                ),
                _PAYMENT_AMOUNT,
                Slot(
                    "currency",
                    "currency",
                    "Currency of the payment; the account currency when omitted.",
                    names=("currency", "currency_code"),
                    required=False,
                ),
                Slot(
                    "note",
                    "text",
                    "Message shown to the recipient.",
                    names=("note", "memo", "message"),
                    required=False,
                    examples=(
                        "Dinner last Friday",
                        "Rent for March",
                        "Concert tickets",
                        "Birthday gift",
                        "Half of the taxi",
                        "Thanks for the ski trip",
                    ),
                ),
            ),
            queries=(
                "Send {amount} to {recipient}.",
                "Pay {recipient} {amount} {currency}.",
                'Could you transfer {amount} to {recipient} with the note "{note}"?',
                "I owe {recipient} {amount} {currency} -- please send it.",
                "send {recipient} {amount} for {note}",
                "Please wire {amount} {currency} to {recipient}.",
                "Can you pay back {recipient}? It's {amount}, memo: {note}.",
                "My roommate {recipient} needs {amount} for the bills.",
                'Transfer {amount} to {recipient}, reference "{note}".',
            ),
        ),
        Intent(
            names=(
                "transfer_between_own_accounts",
                "internal_funds_transfer",
                "move_money_between_accounts",
            ),
            summaries=(
                "Move money between two of the user's own accounts.",
                "Transfer funds from one account to another at the same bank, now or on a date.",
            ),
            slots=(
                Slot(
                    "from_account",
                    "identifier",
                    "Account the money leaves.",
                    names=("from_account", "source_account", "debit_account"),
                    examples=("CHK-20418", "SAV-77310", "CHK-51902", "SAV-13586", "CHK-86244"),
                ),
                Slot(
                    "to_account",
                    "identifier",
                    "Account the money goes to.",
                    names=("to_account", "destination_account", "credit_account"),
                    examples=("SAV-40021", "CHK-66153", "SAV-90877", "CHK-31409", "SAV-58230"),
                ),
                _PAYMENT_AMOUNT,
                Slot(
                    "date",
                    "date",
                    "Day to make the transfer; today when omitted.",
                    names=("date", "transfer_date", "scheduled_for"),
                    required=False,
                ),
            ),
            queries=(
                "Move {amount} from {from_account} to {to_account}.",
                "Transfer {amount} from {from_account} into {to_account} on {date}.",
                "{amount} {from_account} -> {to_account}",
                "Could you please shift {amount} from {from_account} over to {to_account}?",
                "I want to put {amount} from {from_account} into {to_account}.",
                "Schedule a transfer of {amount} from {from_account} to {to_account} for {date}.",
                "Can you move {amount} out of {from_account} and into {to_account}?",
                "My paycheck landed in {from_account}; send {amount} to {to_account}.",
                "top up {to_account} with {amount} from {from_account} {date}",
            ),
        ),
        Intent(
            names=("freeze_debit_card", "bank_card_lock", "block_payment_card"),
            summaries=(
                "Lock a bank card so no new charges go through.",
                "Freeze a lost, stolen or compromised payment card.",
            ),
            slots=(
                Slot(
                    "card_last_four",
                    "identifier",
                    "Last four digits of the card.",
                    names=("card_last_four", "last4", "card_suffix"),
                    examples=("4821", "0937", "7714", "3306", "5590"),
                ),
                Slot(
                    "reason",
                    "enum",
                    "Why the card is being locked.",
                    names=("reason", "lock_reason"),
                    required=False,
                    default="temporary",
                    choices=("lost", "stolen", "suspicious_activity", "temporary"),
                    aliases={
                        "lost": ("lost", "misplaced"),
                        "stolen": ("stolen",),
                        "suspicious_activity": ("suspicious activity", "fraud"),
                        "temporary": ("temporary", "just for now"),
                    },
                ),
            ),
            queries=(
                "Freeze my card ending in {card_last_four}.",
                "lock card {card_last_four}",
                "My card ending {card_last_four} needs blocking now ({reason}).",
                "Could you please lock the card that ends with {card_last_four}?",
                "I can't find my card {card_last_four}; freeze it.",
                "Block card {card_last_four}, reason: {reason}.",
                "Can you pause the debit card ending in {card_last_four}?",
                "Please lock card {card_last_four} -- {reason}.",
                "Disable card ****{card_last_four} right away.",
            ),
        ),
        Intent(
            names=("schedule_bill_payment", "bill_pay_schedule", "create_scheduled_bill"),
            summaries=(
                "Schedule a payment to a biller on a given date.",
                "Set up a one-time bill payment from a bank account.",
            ),
            slots=(
                Slot(
                    "payee",
                    "text",
                    "Company or person being paid.",
                    names=("payee", "biller", "payee_name"),
                    examples=(
                        "City Water Utility",
                        "Comcast Internet",
                        "State Farm Insurance",
                        "Greenfield Apartments",
                        "Verizon Wireless",
                        "Riverside Dental",
                    ),
                ),
                _PAYMENT_AMOUNT,
                Slot(
                    "date",
                    "date",
                    "Day the payment is sent.",
                    names=("date", "pay_date", "payment_date"),
                ),
                Slot(
                    "from_account",
                    "identifier",
                    "Account to pay from; the primary checking account when omitted.",
                    names=("from_account", "account_id", "funding_account"),
                    required=False,
                    examples=("CHK-20418", "SAV-77310", "CHK-51902", "SAV-13586", "CHK-86244"),
                ),
            ),
            queries=(
                "Pay {payee} {amount} on {date}.",
                "Schedule a {amount} payment to {payee} for {date}.",
                "bill pay {payee} {amount} {date}",
                "Could you please set up a payment of {amount} to {payee} on {date} from "
                "{from_account}?",
                "I need to pay {payee} {amount} by {date}.",
                "Can you send {payee} {amount} from {from_account} on {date}?",
                "My {payee} bill is {amount}; schedule it for {date}.",
                "Set {payee} to get {amount} on {date} out of {from_account}.",
                "Please pay the {payee} bill of {amount} on {date}.",
            ),
        ),
        Intent(
            names=("download_bank_statement", "bank_statement_export", "get_account_statement"),
            summaries=(
                "Download an account statement for a date range.",
                "Export bank statements as PDF, CSV or OFX.",
            ),
            slots=(
                _ACCOUNT_ID,
                _START_DATE,
                _END_DATE,
                Slot(
                    "file_format",
                    "enum",
                    "File format of the statement.",
                    names=("file_format", "format", "export_format"),
                    required=False,
                    default="pdf",
                    choices=("pdf", "csv", "ofx"),
                    aliases={
                        "pdf": ("PDF", "pdf"),
                        "csv": ("CSV", "spreadsheet"),
                        "ofx": ("OFX", "Quicken"),
                    },
                ),
            ),
            queries=(
                "Download the statement for {account_id} from {start_date} to {end_date}.",
                "{account_id} statement since {start_date} as {file_format}",
                "Could you please export {account_id} transactions from {start_date} in "
                "{file_format} format?",
                "I need my {account_id} statement starting {start_date} for a mortgage "
                "application.",
                "Get me a {file_format} statement of {account_id} between {start_date} and "
                "{end_date}.",
                "Can you send over the {account_id} statement from {start_date}?",
                "My landlord wants bank statements for {account_id} since {start_date}.",
                "Export {account_id} {start_date} to {end_date}.",
                "statement {account_id} {start_date} {file_format}",
            ),
        ),
        Intent(
            names=("dispute_card_transaction", "transaction_dispute_open", "file_bank_chargeback"),
            summaries=(
                "Dispute a card transaction the user does not recognise or agree with.",
                "Open a chargeback claim for a charge.",
            ),
            slots=(
                Slot(
                    "transaction_id",
                    "identifier",
                    "ID of the disputed transaction.",
                    names=("transaction_id", "txn_id", "charge_id"),
                    examples=(
                        "TXN-4409812",
                        "TXN-1180375",
                        "TXN-9032671",
                        "TXN-5527104",
                        "TXN-3368920",
                    ),
                ),
                Slot(
                    "reason",
                    "text",
                    "What is wrong with the charge.",
                    names=("reason", "explanation", "details"),
                    examples=(
                        "I never received the item",
                        "charged twice for the same order",
                        "I don't recognise this merchant",
                        "subscription was cancelled last month",
                        "amount is higher than agreed",
                    ),
                ),
            ),
            queries=(
                "Dispute transaction {transaction_id}: {reason}.",
                "I want to challenge charge {transaction_id}. The problem: {reason}.",
                "Open a dispute on {transaction_id} -- {reason}.",
                "Could you please file a chargeback for {transaction_id}? Reason: {reason}.",
                "dispute {transaction_id} {reason}",
                "Can you contest {transaction_id} for me? Details: {reason}.",
                "There's a problem with {transaction_id}: {reason}. Please dispute it.",
                "My card shows {transaction_id} but {reason}; raise a dispute.",
                "Flag {transaction_id} as disputed, {reason}.",
            ),
        ),
    ),
)

# ---------------------------------------------------------------- invoices_and_payments

_INVOICE_ID = Slot(
    "invoice_id",
    "identifier",
    "Invoice number.",
    names=("invoice_id", "invoice_number", "invoice_ref"),
    examples=("INV-2024-0183", "INV-2025-0042", "INV-2024-1170", "INV-2025-0319", "INV-2023-0987"),
)
_INVOICE_AMOUNT = Slot(
    "amount",
    "number",
    "Amount of money.",
    names=("amount", "total", "amount_due"),
    minimum=10,
    maximum=50000,
)
_INVOICE_CURRENCY = Slot(
    "currency",
    "currency",
    "Currency of the amount; the business default when omitted.",
    names=("currency", "currency_code"),
    required=False,
)

INVOICES_AND_PAYMENTS = Domain(
    "invoices_and_payments",
    (
        Intent(
            names=(
                "create_client_invoice",
                "invoice_create_new",
                "draft_customer_invoice",
                "issue_invoice_to_client",
            ),
            summaries=(
                "Create and send an invoice to a client.",
                "Bill a customer by email for an amount due on a date.",
            ),
            slots=(
                Slot(
                    "client_email",
                    "email",
                    "Email address of the client being billed.",
                    names=("client_email", "customer_email", "bill_to"),
                ),
                _INVOICE_AMOUNT,
                Slot(
                    "due_date",
                    "date",
                    "Day the payment is due.",
                    names=("due_date", "due", "payment_due"),
                ),
                Slot(
                    "description",
                    "text",
                    "What the invoice is for.",
                    names=("description", "line_item", "memo"),
                    required=False,
                    examples=(
                        "Website redesign, phase 2",
                        "March consulting hours",
                        "Logo and brand guidelines",
                        "Quarterly bookkeeping",
                        "Wedding photography package",
                        "Kitchen tiling labour",
                    ),
                ),
                _INVOICE_CURRENCY,
            ),
            queries=(
                "Invoice {client_email} for {amount}, due {due_date}.",
                "Create an invoice of {amount} {currency} to {client_email} due on {due_date}.",
                'Bill {client_email} {amount} for "{description}", payable by {due_date}.',
                "Could you please send {client_email} an invoice for {amount} due {due_date}?",
                "I finished the job -- invoice {client_email} {amount} {currency}, due {due_date}.",
                "new invoice {client_email} {amount} due {due_date} {description}",
                "Can you draft an invoice to {client_email}: {description}, {amount}, "
                "due on {due_date}?",
                "My client {client_email} owes {amount}; send the bill with a due date "
                "of {due_date}.",
                "Please raise an invoice for {amount} {currency} to {client_email}, "
                "due {due_date}.",
            ),
        ),
        Intent(
            names=("get_invoice_status", "invoice_status_lookup", "check_invoice_payment_state"),
            summaries=(
                "Check whether an invoice has been viewed, paid or is overdue.",
                "Get the payment status and balance of an invoice.",
            ),
            slots=(_INVOICE_ID,),
            queries=(
                "Has {invoice_id} been paid?",
                "status {invoice_id}",
                "What's the status of invoice {invoice_id}?",
                "Could you please check whether the client paid {invoice_id}?",
                "I'm still waiting on {invoice_id} -- is it overdue?",
                "Look up invoice {invoice_id} for me.",
                "My bookkeeper asked if {invoice_id} is settled.",
                "Can you tell me how much is left to pay on {invoice_id}?",
                "Is {invoice_id} paid yet?",
            ),
        ),
        Intent(
            names=("list_invoices_by_status", "invoices_filter_status", "search_customer_invoices"),
            summaries=(
                "List invoices with a given status.",
                "Find draft, sent, paid or overdue invoices, optionally since a date.",
            ),
            slots=(
                Slot(
                    "status",
                    "enum",
                    "Invoice status to list.",
                    names=("status", "invoice_status", "state"),
                    choices=("draft", "sent", "paid", "overdue"),
                    aliases={
                        "draft": ("draft", "unsent"),
                        "sent": ("sent", "outstanding"),
                        "paid": ("paid", "settled"),
                        "overdue": ("overdue", "late"),
                    },
                ),
                Slot(
                    "client_email",
                    "email",
                    "Only invoices for this client.",
                    names=("client_email", "customer_email", "client"),
                    required=False,
                ),
                _SINCE,
            ),
            queries=(
                "Show all {status} invoices.",
                "List {status} invoices since {since}.",
                "{status} invoices for {client_email}",
                "Could you please pull every {status} invoice for {client_email}?",
                "Which invoices are {status}?",
                "I need a list of {status} invoices from {since} for the tax return.",
                "My CFO wants the {status} invoices for {client_email} since {since}.",
                "Can you find the {status} ones among my invoices?",
                "invoices {status} {since}",
            ),
        ),
        Intent(
            names=("send_invoice_reminder", "invoice_reminder_email", "nudge_unpaid_invoice"),
            summaries=(
                "Email the client a payment reminder for an invoice.",
                "Send a polite nudge about an unpaid invoice.",
            ),
            slots=(
                _INVOICE_ID,
                Slot(
                    "message",
                    "text",
                    "Personal note added to the reminder.",
                    names=("message", "note", "custom_message"),
                    required=False,
                    examples=(
                        "Just a friendly reminder, thanks!",
                        "This is now 30 days past due",
                        "Let me know if you need a copy",
                        "Happy to set up a payment plan",
                        "Please confirm when it's sent",
                    ),
                ),
                Slot(
                    "cc_email",
                    "email",
                    "Extra address to copy on the reminder.",
                    names=("cc_email", "cc", "copy_to"),
                    required=False,
                ),
            ),
            queries=(
                "Send a reminder for {invoice_id}.",
                "Remind the client about {invoice_id} and cc {cc_email}.",
                "nudge {invoice_id}",
                'Could you please chase {invoice_id} with the note "{message}"?',
                "I haven't been paid for {invoice_id}; send them a reminder.",
                "Email a payment reminder on {invoice_id}, saying: {message}.",
                "Can you follow up on invoice {invoice_id} and copy {cc_email}?",
                "My client forgot {invoice_id} -- remind them please.",
                'reminder {invoice_id} "{message}" cc {cc_email}',
            ),
        ),
        Intent(
            names=("record_invoice_payment", "invoice_payment_mark", "log_payment_received"),
            summaries=(
                "Record a payment received against an invoice.",
                "Mark an invoice fully or partly paid.",
            ),
            slots=(
                _INVOICE_ID,
                _INVOICE_AMOUNT,
                Slot(
                    "payment_method",
                    "enum",
                    "How the client paid.",
                    names=("payment_method", "method", "paid_via"),
                    required=False,
                    default="bank_transfer",
                    choices=("bank_transfer", "card", "cash", "check", "paypal"),
                    aliases={
                        "bank_transfer": ("bank transfer", "wire"),
                        "card": ("card", "credit card"),
                        "cash": ("cash",),
                        "check": ("check", "cheque"),
                        "paypal": ("PayPal",),
                    },
                ),
                Slot(
                    "payment_date",
                    "date",
                    "Day the money arrived; today when omitted.",
                    names=("payment_date", "paid_on", "received_date"),
                    required=False,
                ),
            ),
            queries=(
                "Record a payment of {amount} on {invoice_id}.",
                "{invoice_id} paid {amount} by {payment_method}",
                "The client paid {amount} towards {invoice_id} on {payment_date}.",
                "Could you please mark {invoice_id} as paid, {amount} via {payment_method}?",
                "I got {amount} by {payment_method} for {invoice_id} on {payment_date}; log it.",
                "Log {amount} received against invoice {invoice_id}.",
                "Can you apply a {amount} payment to {invoice_id}?",
                "My customer settled {invoice_id} with {amount} on {payment_date}.",
                "payment {invoice_id} {amount}",
            ),
        ),
        Intent(
            names=("void_invoice", "invoice_cancel_issued", "cancel_customer_invoice"),
            summaries=(
                "Void an issued invoice so it no longer counts as owed.",
                "Cancel an invoice that was sent by mistake.",
            ),
            slots=(
                _INVOICE_ID,
                Slot(
                    "reason",
                    "text",
                    "Why the invoice is voided.",
                    names=("reason", "void_reason", "note"),
                    required=False,
                    examples=(
                        "sent to the wrong client",
                        "duplicate of an earlier invoice",
                        "project was cancelled",
                        "wrong hourly rate",
                        "client got a discount instead",
                    ),
                ),
            ),
            queries=(
                "Void invoice {invoice_id}.",
                "Cancel {invoice_id}: {reason}.",
                "void {invoice_id}",
                "Could you please void {invoice_id}? Reason: {reason}.",
                "I made a mistake on {invoice_id} -- cancel it.",
                "Please kill {invoice_id} because of this: {reason}.",
                "Can you withdraw invoice {invoice_id}?",
                "My manager says {invoice_id} should be voided.",
                "void {invoice_id} ({reason})",
            ),
        ),
        Intent(
            names=("refund_customer_payment", "payment_refund_issue", "create_payment_refund"),
            summaries=(
                "Refund a customer's payment in full or in part.",
                "Issue a refund against a received payment.",
            ),
            slots=(
                Slot(
                    "payment_id",
                    "identifier",
                    "ID of the payment to refund.",
                    names=("payment_id", "charge_id", "payment_ref"),
                    examples=(
                        "PAY-8839201",
                        "PAY-1027364",
                        "PAY-5561908",
                        "PAY-7410235",
                        "PAY-2298617",
                    ),
                ),
                Slot(
                    "amount",
                    "number",
                    "Amount to refund; the full payment when omitted.",
                    names=("amount", "refund_amount"),
                    required=False,
                    minimum=1,
                    maximum=5000,
                ),
                Slot(
                    "reason",
                    "enum",
                    "Reason code for the refund.",
                    names=("reason", "refund_reason"),
                    required=False,
                    choices=("duplicate", "fraudulent", "requested_by_customer"),
                    aliases={
                        "duplicate": ("duplicate charge", "double payment"),
                        "fraudulent": ("fraudulent charge", "fraud"),
                        "requested_by_customer": ("customer request", "customer's request"),
                    },
                ),
            ),
            queries=(
                "Refund payment {payment_id}.",
                "Refund {amount} of {payment_id}.",
                "refund {payment_id} reason: {reason}",
                "Could you please give back {amount} from {payment_id}?",
                "I need to refund {payment_id} in full, it's a {reason}.",
                "Issue a partial refund of {amount} on {payment_id}.",
                "Can you reverse {payment_id}? Reason: {reason}.",
                "My customer was overcharged on {payment_id}; refund {amount}.",
                "Please refund {payment_id} -- {reason}.",
            ),
        ),
        Intent(
            names=("create_payment_link", "checkout_link_generate", "payment_request_url_create"),
            summaries=(
                "Create a shareable link where someone can pay a fixed amount.",
                "Generate a hosted checkout URL for a payment request.",
            ),
            slots=(
                _INVOICE_AMOUNT,
                Slot(
                    "currency",
                    "currency",
                    "Currency of the amount.",
                    names=("currency", "currency_code"),
                ),
                Slot(
                    "description",
                    "text",
                    "What the payer is paying for.",
                    names=("description", "product_name", "title"),
                    examples=(
                        "Yoga workshop ticket",
                        "Deposit for the cabin rental",
                        "Team jersey order",
                        "One-hour tutoring session",
                        "Catering deposit",
                    ),
                ),
                Slot(
                    "expires_on",
                    "date",
                    "Last day the link can be used.",
                    names=("expires_on", "expiry_date", "valid_until"),
                    required=False,
                ),
            ),
            queries=(
                'Create a payment link for {amount} {currency} for "{description}".',
                "payment link {amount} {currency} {description}",
                "Make a checkout link: {description}, {amount} {currency}, valid until "
                "{expires_on}.",
                "Could you please generate a link so people can pay {amount} {currency} "
                "for {description}?",
                "I need a link to collect {amount} {currency} ({description}).",
                "Can you set up a pay link of {amount} {currency} for {description} that "
                "expires on {expires_on}?",
                "My club needs to collect {amount} {currency} per person for {description}.",
                "Generate a {amount} {currency} payment request for {description}.",
                "Send me a URL where customers pay {amount} {currency}, {description}, "
                "good until {expires_on}.",
            ),
        ),
    ),
)

# ---------------------------------------------------------------- crypto

_COIN = Slot(
    "coin",
    "enum",
    "The cryptocurrency.",
    names=("coin", "asset", "symbol"),
    choices=(
        "bitcoin",
        "ethereum",
        "solana",
        "cardano",
        "dogecoin",
        "xrp",
        "litecoin",
        "polkadot",
    ),
    aliases={
        "bitcoin": ("Bitcoin", "BTC"),
        "ethereum": ("Ethereum", "ETH", "ether"),
        "solana": ("Solana", "SOL"),
        "cardano": ("Cardano", "ADA"),
        "dogecoin": ("Dogecoin", "DOGE"),
        "xrp": ("XRP", "Ripple"),
        "litecoin": ("Litecoin", "LTC"),
        "polkadot": ("Polkadot", "DOT"),
    },
)
_VS_CURRENCY = Slot(
    "vs_currency",
    "currency",
    "Fiat currency to price in; US dollars when omitted.",
    names=("vs_currency", "fiat_currency", "quote_currency"),
    required=False,
)
_CHAIN = Slot(
    "network",
    "enum",
    "Blockchain network.",
    names=("network", "chain", "blockchain"),
    choices=("ethereum", "bitcoin", "solana", "polygon", "arbitrum"),
    aliases={
        "ethereum": ("Ethereum", "Ethereum mainnet"),
        "bitcoin": ("Bitcoin", "BTC"),
        "solana": ("Solana",),
        "polygon": ("Polygon",),
        "arbitrum": ("Arbitrum",),
    },
)

CRYPTO = Domain(
    "crypto",
    (
        Intent(
            names=("get_crypto_spot_price", "crypto_price_lookup", "fetch_coin_price"),
            summaries=(
                "Get the current market price of a cryptocurrency.",
                "Look up what a coin trades at right now in a fiat currency.",
            ),
            slots=(_COIN, _VS_CURRENCY),
            queries=(
                "What's the price of {coin}?",
                "{coin} price in {vs_currency}",
                "How much is {coin} worth right now?",
                "Could you please check the current {coin} price in {vs_currency}?",
                "I'm thinking of buying {coin} -- what's it trading at?",
                "Give me the live {coin} price.",
                "My nephew keeps talking about {coin}; how much is one in {vs_currency}?",
                "Can you look up {coin} for me?",
                "{coin} {vs_currency}",
            ),
        ),
        Intent(
            names=("get_crypto_wallet_balance", "wallet_address_balance", "onchain_balance_lookup"),
            summaries=(
                "Get the on-chain balance of a wallet address.",
                "Look up how much a public crypto address holds on a network.",
            ),
            slots=(
                Slot(
                    "address",
                    "identifier",
                    "Public wallet address.",
                    names=("address", "wallet_address", "wallet"),
                    examples=(
                        "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE",
                        "0x8aD12e4C0b9F5a7312E6c4D0B7e91A2f6C35d48E",
                        "0x1B7e09c2F44d8A3e51c9D07aE26b3F8d90C4a17D",
                        "0xC02aF9e8D7b1354aB6e2D0f8c93E4a71B5d620F3",
                        "0x5e2D8bA41c07F3d96aE1B8c0D475f23a9C6E1b08",
                    ),
                ),
                _CHAIN,
                Slot(
                    "include_tokens",
                    "boolean",
                    "List token holdings as well as the native coin.",
                    names=("include_tokens", "with_tokens", "show_tokens"),
                    required=False,
                    default=False,
                    phrases=("including all tokens", "with token balances too"),
                ),
            ),
            queries=(
                "What's the balance of {address} on {network}?",
                "balance {address} {network}",
                "How much does wallet {address} hold on {network} {include_tokens}?",
                "Could you please check {address} on {network} {include_tokens}?",
                "I sent funds to {address} -- what's in it on {network} now?",
                "Look up the {network} balance of {address}.",
                "Can you tell me what {address} holds on {network}?",
                "My cold wallet is {address}; show its {network} balance {include_tokens}.",
                "check wallet {address} on {network}",
            ),
        ),
        Intent(
            names=("get_coin_price_history", "crypto_price_chart", "fetch_crypto_ohlc"),
            summaries=(
                "Get a cryptocurrency's price over the last days.",
                "Return historical market data for a coin.",
            ),
            slots=(
                _COIN,
                Slot(
                    "days",
                    "integer",
                    "How many days back to go.",
                    names=("days", "lookback_days", "period_days"),
                    minimum=1,
                    maximum=365,
                ),
                _VS_CURRENCY,
            ),
            queries=(
                "Show the {coin} price over the last {days} days.",
                "{coin} chart {days}d",
                "How has {coin} moved in the past {days} days in {vs_currency}?",
                "Could you please get {days} days of {coin} history?",
                "I want to see {coin} in {vs_currency} for the last {days} days.",
                "What did {coin} do over the previous {days} days?",
                "My trading bot needs {days} days of {coin} prices in {vs_currency}.",
                "Can you pull the {days}-day history for {coin}?",
                "price history {coin} {days} days",
            ),
        ),
        Intent(
            names=("place_crypto_exchange_order", "crypto_trade_submit", "coin_market_order"),
            summaries=(
                "Buy or sell cryptocurrency on the user's exchange account.",
                "Submit a crypto trade for an amount of a coin.",
            ),
            slots=(
                _COIN,
                _TRADE_SIDE,
                Slot(
                    "quantity",
                    "number",
                    "Amount of the coin to trade.",
                    names=("quantity", "amount", "size"),
                    minimum=0.001,
                    maximum=50,
                ),
                Slot(
                    "limit_price",
                    "number",
                    "Price per coin for a limit order; a market order when omitted.",
                    names=("limit_price", "price", "at_price"),
                    required=False,
                    minimum=0.05,
                    maximum=150000,
                ),
            ),
            queries=(
                "{side} {quantity} {coin}.",
                "Please {side} {quantity} {coin} at {limit_price}.",
                "{side} {quantity} {coin} @ {limit_price}",
                "Could you {side} {quantity} {coin} for me at market?",
                "I want to {side} {quantity} {coin} if it gets to {limit_price}.",
                "Place an order to {side} {quantity} {coin}.",
                "Can you {side} {quantity} {coin} on my exchange account?",
                "My plan is to {side} {quantity} {coin} with a limit of {limit_price}.",
                "Go ahead and {side} {quantity} {coin} now.",
            ),
        ),
        Intent(
            names=(
                "get_blockchain_tx_status",
                "crypto_transaction_lookup",
                "check_onchain_transfer",
            ),
            summaries=(
                "Check the status and confirmations of a blockchain transaction.",
                "Look up a transaction by its hash on a network.",
            ),
            slots=(
                Slot(
                    "tx_hash",
                    "identifier",
                    "Transaction hash.",
                    names=("tx_hash", "transaction_hash", "txid"),
                    examples=(
                        "0x9c1e4b7a02d5f3e8c6b1a0d9e7f4c2b5a8d3e6f1c0b9a7d4e2f5c8b1a6d3e0f7",
                        "0x4a7d2e9c5b8f1e3a6d0c7b4e9f2a5d8c1b6e3f0a9d7c4b2e5f8a1d6c3b0e9f4a",
                        "0x1f6b3d8e0a5c2f7d4b9e6a1c8f3d0b5e2a7c4f9d6b1e8a3c0f5d2b7e4a9c6f1d",
                        "0x7e2c9a4f1d6b3e8c0a5f2d7b4e9c1a6f3d8b0e5c2a7f4d9b6e1c8a3f0d5b2e7c",
                        "0x3b8f0d5a2e7c4b9f6d1a8e3c0b5f2d7a4e9c6b1f8d3a0e5c2b7f4d9a6e1c8b3f",
                    ),
                ),
                _CHAIN,
            ),
            queries=(
                "Has transaction {tx_hash} confirmed on {network}?",
                "status of {tx_hash} on {network}",
                "Could you please check {tx_hash} on {network}?",
                "I sent crypto and it's stuck: {tx_hash} on {network}. What's going on?",
                "Look up {network} transaction {tx_hash}.",
                "Can you tell me how many confirmations {tx_hash} has on {network}?",
                "My friend says the payment went out -- tx {tx_hash}, {network}.",
                "Is {tx_hash} on {network} still pending?",
                "tx {tx_hash} {network}",
            ),
        ),
        Intent(
            names=("get_network_gas_fees", "crypto_fee_estimate", "estimate_blockchain_gas"),
            summaries=(
                "Estimate the current transaction fee on a blockchain network.",
                "Get gas prices for slow, standard and fast transactions.",
            ),
            slots=(
                _CHAIN,
                Slot(
                    "speed",
                    "enum",
                    "How quickly the transaction should confirm.",
                    names=("speed", "priority", "fee_tier"),
                    required=False,
                    default="standard",
                    choices=("slow", "standard", "fast"),
                    aliases={
                        "slow": ("slow", "cheapest", "low priority"),
                        "standard": ("standard", "normal"),
                        "fast": ("fast", "urgent", "high priority"),
                    },
                ),
            ),
            queries=(
                "What are gas fees on {network} right now?",
                "{network} gas",
                "How much would a {speed} transaction cost on {network}?",
                "Could you please estimate the {network} fee for a {speed} transfer?",
                "I need to move funds on {network} -- is gas cheap at the moment?",
                "Check current {network} network fees.",
                "Can you tell me the {speed} fee on {network}?",
                "My swap keeps failing; what's a {speed} gas price on {network}?",
                "fees {network} {speed}",
            ),
        ),
        Intent(
            names=("create_crypto_price_alert", "coin_price_alert_set", "crypto_watch_threshold"),
            summaries=(
                "Alert the user when a cryptocurrency crosses a price.",
                "Set a price notification for a coin.",
            ),
            slots=(
                _COIN,
                Slot(
                    "target_price",
                    "number",
                    "Price that triggers the alert, in US dollars.",
                    names=("target_price", "threshold", "price_level"),
                    minimum=0.05,
                    maximum=150000,
                ),
                _DIRECTION,
                _NOTIFY_EMAIL,
            ),
            queries=(
                "Alert me when {coin} goes {direction} {target_price}.",
                "Tell me if {coin} hits {target_price}.",
                "{coin} alert {direction} {target_price}",
                "Could you please email {email} when {coin} is {direction} {target_price}?",
                "I want a notification once {coin} reaches {target_price} dollars.",
                "Set a price alert on {coin} at {target_price}.",
                "Can you watch {coin} and ping {email} at {target_price}?",
                "My plan is to buy {coin} {direction} {target_price} -- alert me then.",
                "notify me {coin} {target_price}",
            ),
        ),
        Intent(
            names=("list_top_cryptocurrencies", "crypto_market_rankings", "fetch_coin_leaderboard"),
            summaries=(
                "List the top cryptocurrencies by market cap, volume or daily change.",
                "Rank coins in the crypto market.",
            ),
            slots=(
                Slot(
                    "limit",
                    "integer",
                    "How many coins to list.",
                    names=("limit", "top_n", "count"),
                    minimum=3,
                    maximum=100,
                ),
                _VS_CURRENCY,
                Slot(
                    "sort_by",
                    "enum",
                    "What to rank the coins by.",
                    names=("sort_by", "order_by", "rank_by"),
                    required=False,
                    default="market_cap",
                    choices=("market_cap", "volume", "change_24h"),
                    aliases={
                        "market_cap": ("market cap", "market capitalization"),
                        "volume": ("trading volume", "volume"),
                        "change_24h": ("24-hour change", "daily gain"),
                    },
                ),
            ),
            queries=(
                "Show the top {limit} cryptocurrencies.",
                "top {limit} coins by {sort_by}",
                "What are the {limit} biggest coins by {sort_by} in {vs_currency}?",
                "Could you please list the top {limit} cryptos, priced in {vs_currency}?",
                "I want to see the {limit} leading coins right now.",
                "Rank the top {limit} cryptocurrencies by {sort_by}.",
                "Can you give me a top-{limit} crypto list?",
                "My newsletter needs the {limit} top coins sorted by {sort_by}.",
                "crypto top {limit} {vs_currency}",
            ),
        ),
    ),
)

# ---------------------------------------------------------------- online_shopping

_PRODUCT_ID = Slot(
    "product_id",
    "identifier",
    "Product identifier (SKU).",
    names=("product_id", "sku", "item_id"),
    examples=("SKU-48213", "SKU-10577", "SKU-93021", "SKU-66480", "SKU-25139"),
)
_SHOP_ORDER_ID = Slot(
    "order_id",
    "identifier",
    "Order number.",
    names=("order_id", "order_number", "purchase_id"),
    examples=("ORD-48213", "ORD-90712", "ORD-33564", "ORD-17209", "ORD-62845"),
)

ONLINE_SHOPPING = Domain(
    "online_shopping",
    (
        Intent(
            names=(
                "search_shop_products",
                "product_catalog_search",
                "find_products_online",
                "shop_item_search",
            ),
            summaries=(
                "Search the store's catalog for products.",
                "Find items by keywords, with price, category and sort filters.",
            ),
            slots=(
                Slot(
                    "query",
                    "text",
                    "What to search for.",
                    names=("query", "keywords", "search_terms"),
                    examples=(
                        "wireless noise-cancelling headphones",
                        "trail running shoes",
                        "cast iron skillet",
                        "27 inch 4K monitor",
                        "kids' winter jacket",
                        "standing desk",
                        "espresso machine",
                    ),
                ),
                Slot(
                    "max_price",
                    "number",
                    "Highest price to show.",
                    names=("max_price", "price_max", "budget"),
                    required=False,
                    minimum=5,
                    maximum=5000,
                ),
                Slot(
                    "category",
                    "enum",
                    "Department to search in.",
                    names=("category", "department"),
                    required=False,
                    choices=(
                        "electronics",
                        "home_and_kitchen",
                        "clothing",
                        "sports",
                        "toys",
                        "books",
                        "beauty",
                    ),
                    aliases={
                        "electronics": ("electronics",),
                        "home_and_kitchen": ("home and kitchen", "kitchen"),
                        "clothing": ("clothing", "fashion"),
                        "sports": ("sports", "outdoors"),
                        "toys": ("toys",),
                        "books": ("books",),
                        "beauty": ("beauty", "personal care"),
                    },
                ),
                Slot(
                    "sort",
                    "enum",
                    "Order of the results.",
                    names=("sort", "sort_by", "order_by"),
                    required=False,
                    default="relevance",
                    choices=("relevance", "price_asc", "price_desc", "rating", "newest"),
                    aliases={
                        "relevance": ("relevance", "best match"),
                        "price_asc": ("lowest price first", "price, low to high"),
                        "price_desc": ("highest price first", "price, high to low"),
                        "rating": ("customer rating", "best reviews"),
                        "newest": ("newest first", "newest arrivals"),
                    },
                ),
            ),
            queries=(
                "Search for {query}.",
                "Find {query} under {max_price}.",
                "{query} in {category}, sorted by {sort}",
                "Could you please look for {query} that cost less than {max_price}?",
                "I'm shopping for {query}; show me what you have in {category}.",
                "Do you sell {query}?",
                "My son wants {query} for his birthday -- what's available under {max_price}?",
                "Can you show {query}, ordered by {sort}?",
                "shop {query} max {max_price} {category}",
                "Show me {query} options.",
            ),
        ),
        Intent(
            names=("add_item_to_cart", "shopping_cart_add", "cart_add_product"),
            summaries=(
                "Add a product to the shopping cart.",
                "Put one or more units of an item in the cart.",
            ),
            slots=(
                _PRODUCT_ID,
                Slot(
                    "quantity",
                    "integer",
                    "How many units to add.",
                    names=("quantity", "qty", "count"),
                    required=False,
                    default=1,
                    minimum=1,
                    maximum=20,
                ),
            ),
            queries=(
                "Add {product_id} to my cart.",
                "Put {quantity} of {product_id} in the cart.",
                "add {product_id} x{quantity}",
                "Could you please add {product_id} to the basket?",
                "I'll take {quantity} units of {product_id}.",
                "Add item {product_id} to my cart, please.",
                "Can you throw {quantity} of {product_id} into my cart?",
                "My wife wants {product_id} too -- add it.",
                "cart {product_id}",
            ),
        ),
        Intent(
            names=("remove_item_from_cart", "shopping_cart_remove", "cart_delete_product"),
            summaries=(
                "Remove a product from the shopping cart.",
                "Take an item out of the cart before checkout.",
            ),
            slots=(_PRODUCT_ID,),
            queries=(
                "Remove {product_id} from my cart.",
                "take {product_id} out of the cart",
                "Could you please delete {product_id} from the basket?",
                "I changed my mind about {product_id}; drop it from my cart.",
                "Get rid of {product_id} in the cart.",
                "Can you remove item {product_id}?",
                "My cart shouldn't have {product_id} -- take it out.",
                "Please clear {product_id} from my shopping cart.",
                "cart remove {product_id}",
            ),
        ),
        Intent(
            names=("checkout_shopping_cart", "place_online_order", "cart_checkout_submit"),
            summaries=(
                "Check out the current cart and place the order.",
                "Buy everything in the cart with a shipping option and optional coupon.",
            ),
            slots=(
                Slot(
                    "shipping_speed",
                    "enum",
                    "Delivery option.",
                    names=("shipping_speed", "shipping_method", "delivery_option"),
                    choices=("standard", "express", "next_day"),
                    aliases={
                        "standard": ("standard shipping", "regular delivery"),
                        "express": ("express shipping", "2-day delivery"),
                        "next_day": ("next-day delivery", "overnight shipping"),
                    },
                ),
                Slot(
                    "coupon_code",
                    "identifier",
                    "Discount code to apply.",
                    names=("coupon_code", "promo_code", "discount_code"),
                    required=False,
                    examples=("SPRING25", "WELCOME10", "FREESHIP5", "VIP2025", "BFRIDAY30"),
                ),
                Slot(
                    "gift_wrap",
                    "boolean",
                    "Wrap the items as a gift.",
                    names=("gift_wrap", "gift_wrapping", "wrap_as_gift"),
                    required=False,
                    default=False,
                    phrases=("gift-wrapped", "with gift wrapping"),
                ),
            ),
            queries=(
                "Check out with {shipping_speed}.",
                "Place my order with {shipping_speed} and use code {coupon_code}.",
                "checkout {shipping_speed} {coupon_code}",
                "Could you please complete the purchase using {shipping_speed} {gift_wrap}?",
                "I'm ready to buy -- {shipping_speed}, please.",
                "Order everything in my cart with {shipping_speed} {gift_wrap}.",
                "Can you apply {coupon_code} and check out with {shipping_speed}?",
                "It's a present for my mom, so send it by {shipping_speed} {gift_wrap}.",
                "Buy the cart, {shipping_speed}, promo {coupon_code} {gift_wrap}",
            ),
        ),
        Intent(
            names=("get_online_order_status", "shop_order_status_check", "lookup_purchase_status"),
            summaries=(
                "Check the status of an online order.",
                "See whether an order has shipped and when it will arrive.",
            ),
            slots=(_SHOP_ORDER_ID,),
            queries=(
                "Where is my order {order_id}?",
                "status {order_id}",
                "Has {order_id} shipped yet?",
                "Could you please check on order {order_id}?",
                "I ordered something last week ({order_id}) and nothing has arrived.",
                "What's happening with {order_id}?",
                "Can you tell me when {order_id} will be delivered?",
                "My order number is {order_id} -- any update?",
                "order {order_id} status?",
            ),
        ),
        Intent(
            names=("cancel_online_order", "shop_order_cancel", "purchase_cancel_request"),
            summaries=(
                "Cancel an online order that has not shipped.",
                "Request cancellation of a purchase.",
            ),
            slots=(
                _SHOP_ORDER_ID,
                Slot(
                    "reason",
                    "enum",
                    "Why the order is cancelled.",
                    names=("reason", "cancel_reason", "cancellation_reason"),
                    required=False,
                    choices=("changed_mind", "found_cheaper", "ordered_by_mistake", "too_slow"),
                    aliases={
                        "changed_mind": ("changed my mind", "no longer needed"),
                        "found_cheaper": ("found it cheaper elsewhere", "better price elsewhere"),
                        "ordered_by_mistake": ("ordered by mistake", "accidental order"),
                        "too_slow": ("delivery too slow", "takes too long"),
                    },
                ),
            ),
            queries=(
                "Cancel order {order_id}.",
                "cancel {order_id}: {reason}",
                "Could you please cancel {order_id}? Reason: {reason}.",
                "I need to cancel {order_id} before it ships.",
                "Stop order {order_id} -- {reason}.",
                "Can you call off my purchase {order_id}?",
                "My husband already bought it, so cancel {order_id}.",
                "Please cancel {order_id} ({reason}).",
                "scrap {order_id}",
            ),
        ),
        Intent(
            names=("start_product_return", "return_request_create", "shop_item_return"),
            summaries=(
                "Start a return for an item from an order.",
                "Request a refund or store credit for a returned product.",
            ),
            slots=(
                _SHOP_ORDER_ID,
                _PRODUCT_ID,
                Slot(
                    "reason",
                    "enum",
                    "Why the item goes back.",
                    names=("reason", "return_reason"),
                    choices=(
                        "damaged",
                        "wrong_item",
                        "doesnt_fit",
                        "not_as_described",
                        "no_longer_needed",
                    ),
                    aliases={
                        "damaged": ("damaged", "broken"),
                        "wrong_item": ("wrong item", "not what I ordered"),
                        "doesnt_fit": ("doesn't fit", "wrong size"),
                        "not_as_described": ("not as described", "looks different"),
                        "no_longer_needed": ("no longer needed", "don't need it anymore"),
                    },
                ),
                Slot(
                    "refund_method",
                    "enum",
                    "How the money comes back.",
                    names=("refund_method", "refund_to", "refund_type"),
                    required=False,
                    default="original_payment",
                    choices=("original_payment", "store_credit"),
                    aliases={
                        "original_payment": ("original payment method", "the original card"),
                        "store_credit": ("store credit", "account credit"),
                    },
                ),
            ),
            queries=(
                "Return {product_id} from order {order_id}, reason: {reason}.",
                "I want to send back {product_id} from {order_id} -- {reason}.",
                "return {order_id} {product_id} {reason}",
                "Could you please start a return for {product_id} in {order_id}? Reason: {reason}.",
                "Item {product_id} from {order_id} has to go back ({reason}); refund to "
                "{refund_method}.",
                "Can you process a return of {product_id} ({order_id}), {reason}, with the "
                "refund to {refund_method}?",
                "My daughter's {product_id} from order {order_id} needs returning: {reason}.",
                "Start a return: order {order_id}, item {product_id}, {reason}.",
                "Return {product_id} of {order_id}, refund to {refund_method}. Reason: {reason}.",
            ),
        ),
        Intent(
            names=("get_product_reviews", "product_reviews_list", "fetch_item_ratings"),
            summaries=(
                "Read customer reviews of a product.",
                "List a product's reviews, filtered by star rating.",
            ),
            slots=(
                _PRODUCT_ID,
                Slot(
                    "min_rating",
                    "integer",
                    "Lowest star rating to include.",
                    names=("min_rating", "min_stars", "rating_at_least"),
                    required=False,
                    minimum=1,
                    maximum=5,
                ),
                Slot(
                    "sort",
                    "enum",
                    "Order of the reviews.",
                    names=("sort", "sort_by"),
                    required=False,
                    default="most_helpful",
                    choices=("most_helpful", "most_recent"),
                    aliases={
                        "most_helpful": ("most helpful", "most useful"),
                        "most_recent": ("most recent", "newest"),
                    },
                ),
            ),
            queries=(
                "Show reviews for {product_id}.",
                "What do people say about {product_id}?",
                "{product_id} reviews {min_rating} stars and up",
                "Could you please pull the {sort} reviews of {product_id}?",
                "I'm on the fence about {product_id} -- any reviews with {min_rating} stars "
                "or more?",
                "Get customer ratings for {product_id}, {sort}.",
                "Can you find the reviews of {product_id} rated at least {min_rating}?",
                "My friend recommended {product_id}; what are the reviews like?",
                "reviews {product_id}",
            ),
        ),
    ),
)

# ---------------------------------------------------------------- parcel_tracking

_TRACKING_NUMBER = Slot(
    "tracking_number",
    "identifier",
    "Carrier tracking number of the parcel.",
    names=("tracking_number", "tracking_id", "tracking_code"),
    examples=(
        "1Z999AA10123456784",
        "9400111202555842761023",
        "JD014600006281012345",
        "783429051267",
        "RR123456785GB",
    ),
)
_CARRIER = Slot(
    "carrier",
    "enum",
    "Shipping carrier.",
    names=("carrier", "courier", "shipping_company"),
    choices=("ups", "fedex", "usps", "dhl", "royal_mail", "canada_post"),
    aliases={
        "ups": ("UPS",),
        "fedex": ("FedEx",),
        "usps": ("USPS", "US Postal Service"),
        "dhl": ("DHL",),
        "royal_mail": ("Royal Mail",),
        "canada_post": ("Canada Post",),
    },
)
_OPTIONAL_CARRIER = Slot(
    "carrier",
    "enum",
    "Shipping carrier; detected or not filtered when omitted.",
    names=("carrier", "courier", "shipping_company"),
    required=False,
    choices=_CARRIER.choices,
    aliases=_CARRIER.aliases,
)

PARCEL_TRACKING = Domain(
    "parcel_tracking",
    (
        Intent(
            names=(
                "track_parcel_shipment",
                "parcel_status_lookup",
                "get_package_tracking",
                "shipment_tracking_fetch",
            ),
            summaries=(
                "Track a parcel by its tracking number.",
                "Get the latest scan, location and expected delivery of a package.",
            ),
            slots=(_TRACKING_NUMBER, _OPTIONAL_CARRIER),
            queries=(
                "Where is my package {tracking_number}?",
                "track {tracking_number}",
                "Track {carrier} parcel {tracking_number}.",
                "Could you please check the status of shipment {tracking_number}?",
                "I've been waiting all week for {tracking_number} -- where is it?",
                "When will {tracking_number} arrive?",
                "Can you look up {tracking_number} on {carrier}?",
                "My mom sent me a box with {carrier}, tracking {tracking_number}. Any news?",
                "{carrier} {tracking_number} status",
            ),
        ),
        Intent(
            names=(
                "get_parcel_shipping_quote",
                "parcel_postage_quote",
                "calculate_package_shipping_cost",
            ),
            summaries=(
                "Quote the price and transit time of sending a parcel between two cities.",
                "Estimate postage for a package by weight and service level.",
            ),
            slots=(
                Slot(
                    "origin",
                    "city",
                    "City the parcel is sent from.",
                    names=("origin", "from_city", "ship_from"),
                ),
                Slot(
                    "destination",
                    "city",
                    "City the parcel goes to.",
                    names=("destination", "to_city", "ship_to"),
                ),
                Slot(
                    "weight_kg",
                    "number",
                    "Weight of the parcel in kilograms.",
                    names=("weight_kg", "weight", "package_weight"),
                    minimum=0.1,
                    maximum=70,
                ),
                Slot(
                    "service",
                    "enum",
                    "Service level.",
                    names=("service", "service_level", "shipping_speed"),
                    required=False,
                    default="standard",
                    choices=("economy", "standard", "express", "overnight"),
                    aliases={
                        "economy": ("economy", "cheapest"),
                        "standard": ("standard", "regular"),
                        "express": ("express", "priority"),
                        "overnight": ("overnight", "next-day"),
                    },
                ),
            ),
            queries=(
                "How much to ship {weight_kg} kg from {origin} to {destination}?",
                "Quote {service} shipping for a {weight_kg} kg box, {origin} to {destination}.",
                "postage {origin} {destination} {weight_kg}kg",
                "Could you please price a {weight_kg} kg parcel from {origin} to {destination}?",
                "I need to send {weight_kg} kilos from {origin} to {destination} by "
                "{service} -- what will it cost?",
                "What does it cost to mail a {weight_kg} kg package from {origin} to "
                "{destination}?",
                "Can you compare rates for {weight_kg} kg going {origin} to {destination}?",
                "My daughter is in {destination}; what's {service} postage for {weight_kg} kg "
                "from {origin}?",
                "ship {weight_kg} kg {origin} -> {destination} {service}",
            ),
        ),
        Intent(
            names=("schedule_parcel_pickup", "courier_pickup_book", "book_package_collection"),
            summaries=(
                "Book a courier to collect parcels from an address.",
                "Schedule a package pickup on a date.",
            ),
            slots=(
                Slot(
                    "address",
                    "text",
                    "Where the courier collects the parcels.",
                    names=("address", "pickup_address", "location"),
                    examples=(
                        "221B Baker Street, London",
                        "1600 Amphitheatre Pkwy, Mountain View",
                        "12 Rue de Rivoli, Paris",
                        "500 Market St, Suite 4, San Francisco",
                        "Unit 7, 88 King St W, Toronto",
                    ),
                ),
                Slot(
                    "date",
                    "date",
                    "Day of the pickup.",
                    names=("date", "pickup_date", "collection_date"),
                ),
                Slot(
                    "packages",
                    "integer",
                    "How many parcels to collect.",
                    names=("packages", "package_count", "num_parcels"),
                    required=False,
                    default=1,
                    minimum=1,
                    maximum=20,
                ),
                _OPTIONAL_CARRIER,
            ),
            queries=(
                "Schedule a pickup at {address} on {date}.",
                "Book {carrier} to collect {packages} boxes from {address} on {date}.",
                "pickup {address} {date}",
                "Could you please arrange a courier at {address} for {date}?",
                "I have {packages} parcels to send -- pick them up from {address} on {date}.",
                "Can {carrier} come by {address} on {date}?",
                "My office at {address} needs a collection on {date}.",
                "Arrange a pickup of {packages} packages at {address} on {date}.",
                "Please send someone to {address} on {date} to grab a parcel.",
            ),
        ),
        Intent(
            names=("reschedule_parcel_delivery", "delivery_date_change", "parcel_delivery_update"),
            summaries=(
                "Move a parcel's delivery to another day, with optional instructions.",
                "Change when and how a package is delivered.",
            ),
            slots=(
                _TRACKING_NUMBER,
                Slot(
                    "new_date",
                    "date",
                    "New delivery day.",
                    names=("new_date", "delivery_date", "reschedule_to"),
                ),
                Slot(
                    "instructions",
                    "text",
                    "Note for the driver.",
                    names=("instructions", "delivery_note", "driver_note"),
                    required=False,
                    examples=(
                        "Leave it with the front desk",
                        "Put it behind the side gate",
                        "Ring apartment 4B",
                        "Deliver to the neighbor at number 12",
                        "Do not leave it in the rain",
                    ),
                ),
            ),
            queries=(
                "Reschedule {tracking_number} to {new_date}.",
                "Deliver {tracking_number} on {new_date} instead.",
                "move delivery {tracking_number} {new_date}",
                "Could you please push {tracking_number} to {new_date}? Note: {instructions}.",
                "I'm away -- can {tracking_number} come on {new_date}?",
                "Change the delivery of {tracking_number} to {new_date} and tell the driver: "
                "{instructions}.",
                "Can you have {tracking_number} delivered on {new_date}?",
                "My parcel {tracking_number} should arrive on {new_date}, not earlier.",
                "{tracking_number} -> {new_date}, {instructions}",
            ),
        ),
        Intent(
            names=(
                "subscribe_parcel_notifications",
                "shipment_alerts_subscribe",
                "tracking_updates_signup",
            ),
            summaries=(
                "Get email updates as a parcel moves.",
                "Subscribe an address to tracking notifications for a shipment.",
            ),
            slots=(
                _TRACKING_NUMBER,
                Slot(
                    "email",
                    "email",
                    "Address that receives the updates.",
                    names=("email", "notify_email", "subscriber_email"),
                ),
                Slot(
                    "events",
                    "enum",
                    "Which events to notify about; every event when omitted.",
                    names=("events", "notify_on", "event_types"),
                    required=False,
                    many=True,
                    choices=("out_for_delivery", "delivered", "delayed", "exception"),
                    aliases={
                        "out_for_delivery": ("out for delivery",),
                        "delivered": ("delivery", "delivered"),
                        "delayed": ("delays", "delayed"),
                        "exception": ("exceptions", "problems"),
                    },
                ),
            ),
            queries=(
                "Email {email} updates for {tracking_number}.",
                "Notify {email} of {events} for {tracking_number}.",
                "subscribe {email} to {tracking_number}",
                "Could you please send alerts about {tracking_number} to {email}?",
                "I want to know when {tracking_number} moves -- email me at {email}.",
                "Sign {email} up for {events} notifications on {tracking_number}.",
                "Can you keep {email} posted on {tracking_number}?",
                "My assistant {email} should get {tracking_number} updates: {events}.",
                "alerts {tracking_number} -> {email} ({events})",
            ),
        ),
        Intent(
            names=("list_my_shipments", "shipments_by_status", "incoming_parcels_list"),
            summaries=(
                "List the user's shipments with a given status.",
                "Show incoming and outgoing parcels filtered by status and carrier.",
            ),
            slots=(
                Slot(
                    "status",
                    "enum",
                    "Shipment status to list.",
                    names=("status", "shipment_status", "state"),
                    choices=("in_transit", "delivered", "delayed", "awaiting_pickup"),
                    aliases={
                        "in_transit": ("in transit", "on the way"),
                        "delivered": ("delivered",),
                        "delayed": ("delayed", "late"),
                        "awaiting_pickup": ("awaiting pickup", "ready for collection"),
                    },
                ),
                _SINCE,
                _OPTIONAL_CARRIER,
            ),
            queries=(
                "Show my parcels that are {status}.",
                "List shipments that are {status} since {since}.",
                "packages {status} {carrier}",
                "Could you please find every {carrier} shipment that's {status}?",
                "Which of my packages are {status}?",
                "I need all shipments {status} since {since} for a refund claim.",
                "My team wants a list of deliveries that are {status}.",
                "Can you show parcels from {carrier} that are {status} since {since}?",
                "shipments {status}",
            ),
        ),
        Intent(
            names=(
                "find_parcel_dropoff_locations",
                "carrier_dropoff_search",
                "nearby_shipping_points",
            ),
            summaries=(
                "Find places in a city where a carrier accepts parcels.",
                "List drop-off points and lockers of a carrier.",
            ),
            slots=(
                Slot(
                    "city",
                    "city",
                    "City to search in.",
                    names=("city", "location", "near"),
                ),
                _CARRIER,
                Slot(
                    "open_now",
                    "boolean",
                    "Only places open at the moment.",
                    names=("open_now", "currently_open", "only_open"),
                    required=False,
                    default=False,
                    phrases=("that are open right now", "open now"),
                ),
            ),
            queries=(
                "Where can I drop off a {carrier} parcel in {city}?",
                "{carrier} drop-off {city} {open_now}",
                "Find {carrier} locations in {city} {open_now}.",
                "Could you please list {carrier} drop points in {city}?",
                "I need to return something via {carrier} while I'm in {city}.",
                "Are there {carrier} lockers in {city} {open_now}?",
                "Can you show {carrier} service points around {city}?",
                "My label is for {carrier}; where do I take it in {city}?",
                "nearest {carrier} in {city}",
            ),
        ),
        Intent(
            names=("file_parcel_claim", "shipment_damage_claim", "lost_package_claim_submit"),
            summaries=(
                "File a claim for a lost or damaged parcel.",
                "Report a shipment problem and ask for compensation.",
            ),
            slots=(
                _TRACKING_NUMBER,
                Slot(
                    "claim_type",
                    "enum",
                    "What went wrong.",
                    names=("claim_type", "issue", "problem"),
                    choices=("lost", "damaged", "missing_items"),
                    aliases={
                        "lost": ("lost", "missing"),
                        "damaged": ("damaged", "broken"),
                        "missing_items": ("missing items", "short-shipped"),
                    },
                ),
                Slot(
                    "description",
                    "text",
                    "Details of the problem.",
                    names=("description", "details", "notes"),
                    examples=(
                        "box was crushed and the lamp is cracked",
                        "tracking says delivered but nothing at the door",
                        "two of the three books are missing",
                        "water damage on the outside and inside",
                        "the seal was cut open",
                    ),
                ),
                Slot(
                    "declared_value",
                    "number",
                    "Value of the contents.",
                    names=("declared_value", "value", "claim_amount"),
                    required=False,
                    minimum=1,
                    maximum=5000,
                ),
            ),
            queries=(
                "File a {claim_type} claim for {tracking_number}: {description}.",
                "My parcel {tracking_number} is {claim_type} -- {description}.",
                "claim {tracking_number} {claim_type} {description}",
                "Could you please open a claim on {tracking_number}? It's {claim_type}; "
                "{description}. Worth {declared_value}.",
                "I want compensation for {tracking_number} ({claim_type}): {description}.",
                "Report {tracking_number}: {claim_type}. Details: {description}.",
                "Can you submit a {claim_type} claim for {tracking_number} valued at "
                "{declared_value}? What happened: {description}.",
                "Package {tracking_number} {claim_type}, {description}, value {declared_value}",
                "Please claim for {tracking_number}, {claim_type}: {description}.",
            ),
        ),
    ),
)

# ---------------------------------------------------------------- vulnerabilities_cve

_CVE_ID = Slot(
    "cve_id",
    "cve",
    "CVE identifier.",
    names=("cve_id", "cve", "vulnerability_id"),
)
_SEVERITY = Slot(
    "min_severity",
    "enum",
    "Lowest severity to include.",
    names=("min_severity", "severity", "severity_threshold"),
    required=False,
    default="low",
    choices=("low", "medium", "high", "critical"),
    aliases={
        "low": ("low",),
        "medium": ("medium", "moderate"),
        "high": ("high",),
        "critical": ("critical",),
    },
)
_SOFTWARE = Slot(
    "product",
    "text",
    "Software product name.",
    names=("product", "software", "product_name"),
    examples=(
        "OpenSSL",
        "Apache HTTP Server",
        "nginx",
        "Microsoft Exchange",
        "Log4j",
        "Jenkins",
        "WordPress",
        "PostgreSQL",
    ),
)
_VENDOR = Slot(
    "vendor",
    "text",
    "Vendor to filter by.",
    names=("vendor", "vendor_name", "publisher"),
    required=False,
    examples=("Microsoft", "Cisco", "Fortinet", "Apple", "Atlassian", "VMware", "Ivanti"),
)

VULNERABILITIES_CVE = Domain(
    "vulnerabilities_cve",
    (
        Intent(
            names=("get_cve_details", "cve_record_lookup", "fetch_vulnerability_entry"),
            summaries=(
                "Get the description, affected products and references of a CVE.",
                "Look up a published vulnerability by its CVE ID.",
            ),
            slots=(_CVE_ID,),
            queries=(
                "What is {cve_id}?",
                "{cve_id}",
                "Tell me about {cve_id}.",
                "Could you please look up {cve_id} and what it affects?",
                "Our scanner flagged {cve_id} -- what does it mean?",
                "Get the details of {cve_id}.",
                "Can you summarise vulnerability {cve_id} for me?",
                "My CISO asked about {cve_id}; what's the story?",
                "details for {cve_id}",
            ),
        ),
        Intent(
            names=(
                "search_cves_by_product",
                "product_vulnerability_search",
                "find_cves_for_software",
            ),
            summaries=(
                "Search known vulnerabilities affecting a software product.",
                "List CVEs for a product, by minimum severity and publication date.",
            ),
            slots=(
                _SOFTWARE,
                _SEVERITY,
                Slot(
                    "published_after",
                    "date",
                    "Only CVEs published on or after this day.",
                    names=("published_after", "since", "pub_start_date"),
                    required=False,
                ),
            ),
            queries=(
                "Find CVEs in {product}.",
                "List {min_severity} vulnerabilities for {product}.",
                "{product} cves since {published_after}",
                "Could you please search for {product} vulnerabilities that are {min_severity} "
                "or worse?",
                "I'm patching {product} -- what CVEs came out after {published_after}?",
                "Are there any known security holes in {product}?",
                "Can you show {min_severity}+ CVEs for {product} published since "
                "{published_after}?",
                "My team runs {product}; what vulnerabilities should we know about?",
                "vulns {product} {min_severity}",
            ),
        ),
        Intent(
            names=("get_cvss_score", "cve_severity_score", "lookup_cvss_metrics"),
            summaries=(
                "Get the CVSS base score and vector of a CVE.",
                "Return how severe a vulnerability is rated under CVSS.",
            ),
            slots=(
                _CVE_ID,
                Slot(
                    "cvss_version",
                    "enum",
                    "CVSS version of the score.",
                    names=("cvss_version", "version", "scoring_version"),
                    required=False,
                    default="v3_1",
                    choices=("v2", "v3_1", "v4_0"),
                    aliases={
                        "v2": ("CVSS v2", "CVSS 2.0"),
                        "v3_1": ("CVSS v3.1", "CVSS 3.1"),
                        "v4_0": ("CVSS v4", "CVSS 4.0"),
                    },
                ),
            ),
            queries=(
                "What's the CVSS score of {cve_id}?",
                "{cve_id} score",
                "How severe is {cve_id} under {cvss_version}?",
                "Could you please get the {cvss_version} vector for {cve_id}?",
                "I need the base score of {cve_id} for my risk register.",
                "Give me the severity rating for {cve_id}.",
                "Can you tell me how {cve_id} is scored in {cvss_version}?",
                "My auditor wants the CVSS numbers for {cve_id}.",
                "cvss {cve_id} {cvss_version}",
            ),
        ),
        Intent(
            names=(
                "check_package_vulnerabilities",
                "dependency_vuln_scan",
                "audit_library_version",
            ),
            summaries=(
                "Check whether a version of an open-source package has known vulnerabilities.",
                "Audit one dependency version against vulnerability advisories.",
            ),
            slots=(
                Slot(
                    "package",
                    "text",
                    "Package name.",
                    names=("package", "package_name", "library"),
                    examples=("lodash", "requests", "log4j-core", "express", "django", "jackson"),
                ),
                Slot(
                    "version",
                    "text",
                    "Package version.",
                    names=("version", "package_version", "release"),
                    examples=("4.17.20", "2.25.1", "2.14.1", "4.17.1", "3.2.4", "1.0.2"),
                ),
                Slot(
                    "ecosystem",
                    "enum",
                    "Package registry the package comes from.",
                    names=("ecosystem", "registry", "package_manager"),
                    required=False,
                    choices=("npm", "pypi", "maven", "go", "cargo", "rubygems"),
                    aliases={
                        "npm": ("npm",),
                        "pypi": ("PyPI", "pip"),
                        "maven": ("Maven",),
                        "go": ("Go modules",),
                        "cargo": ("crates.io", "Cargo"),
                        "rubygems": ("RubyGems",),
                    },
                ),
            ),
            queries=(
                "Is {package} {version} vulnerable?",
                "check {package}@{version} on {ecosystem}",
                "Does {package} version {version} have any CVEs?",
                "Could you please audit {package} {version} from {ecosystem}?",
                "We pin {package} at {version} -- is that safe?",
                "Scan {ecosystem} package {package} {version} for known issues.",
                "Can you tell me if {package} {version} needs an upgrade for security?",
                "My build uses {package} {version}; any advisories?",
                "vulns {package} {version}",
            ),
        ),
        Intent(
            names=("list_recent_cves", "new_vulnerabilities_feed", "fetch_latest_cve_publications"),
            summaries=(
                "List CVEs published in the last days.",
                "Get a feed of newly disclosed vulnerabilities, optionally only exploited ones.",
            ),
            slots=(
                Slot(
                    "days",
                    "integer",
                    "How many days back to look.",
                    names=("days", "lookback_days", "last_days"),
                    minimum=1,
                    maximum=90,
                ),
                _VENDOR,
                Slot(
                    "exploited_only",
                    "boolean",
                    "Only vulnerabilities known to be exploited in the wild.",
                    names=("exploited_only", "known_exploited", "in_the_wild"),
                    required=False,
                    default=False,
                    phrases=("that are being exploited in the wild", "known-exploited only"),
                ),
            ),
            queries=(
                "Show CVEs from the last {days} days.",
                "new {vendor} cves past {days} days",
                "What vulnerabilities were published in the past {days} days {exploited_only}?",
                "Could you please list {vendor} CVEs from the last {days} days?",
                "I'm writing the weekly security brief; get {days} days of CVEs {exploited_only}.",
                "Any new {vendor} vulnerabilities in the last {days} days?",
                "Can you pull the CVEs disclosed over the past {days} days?",
                "My SOC lead wants the last {days} days of CVEs {exploited_only}.",
                "cves last {days} days {exploited_only}",
            ),
        ),
        Intent(
            names=("get_cve_remediation", "cve_patch_advisories", "lookup_vulnerability_fix"),
            summaries=(
                "Find patches, fixed versions and workarounds for a CVE.",
                "List vendor advisories that remediate a vulnerability.",
            ),
            slots=(_CVE_ID, _VENDOR),
            queries=(
                "How do I fix {cve_id}?",
                "patch for {cve_id}",
                "Is there a {vendor} patch for {cve_id}?",
                "Could you please find the remediation for {cve_id}?",
                "I need the fixed versions for {cve_id} before Friday.",
                "Show {vendor} advisories for {cve_id}.",
                "Can you tell me what mitigates {cve_id}?",
                "My servers are exposed to {cve_id} -- what's the workaround?",
                "fix {cve_id} {vendor}",
            ),
        ),
        Intent(
            names=("subscribe_cve_alerts", "vulnerability_watch_create", "product_cve_notify"),
            summaries=(
                "Email the user when new CVEs affect a product.",
                "Watch a software product for newly published vulnerabilities.",
            ),
            slots=(
                _SOFTWARE,
                Slot(
                    "email",
                    "email",
                    "Address that receives the alerts.",
                    names=("email", "notify_email", "recipient"),
                ),
                _SEVERITY,
            ),
            queries=(
                "Alert {email} about new {product} CVEs.",
                "Email {email} when {min_severity} {product} vulnerabilities appear.",
                "watch {product} cves -> {email}",
                "Could you please notify {email} of any {product} vulnerability?",
                "I want {email} to hear about {min_severity} CVEs in {product}.",
                "Subscribe {email} to {product} security alerts.",
                "Can you set up CVE alerts for {product}, {min_severity} and above, to {email}?",
                "My team at {email} runs {product}; send them new CVEs.",
                "cve feed {product} {min_severity} {email}",
            ),
        ),
        Intent(
            names=("check_cve_known_exploited", "cve_exploit_status", "kev_catalog_lookup"),
            summaries=(
                "Check whether a CVE is known to be exploited in the wild.",
                "Look up a vulnerability in the known exploited vulnerabilities catalog.",
            ),
            slots=(_CVE_ID,),
            queries=(
                "Is {cve_id} being exploited?",
                "{cve_id} exploited?",
                "Are attackers using {cve_id} in the wild?",
                "Could you please check if {cve_id} is on the known-exploited list?",
                "I need to prioritise {cve_id} -- is there active exploitation?",
                "Check KEV for {cve_id}.",
                "Can you tell me whether a public exploit exists for {cve_id}?",
                "My manager asks if {cve_id} is under active attack.",
                "exploit status {cve_id}",
            ),
        ),
    ),
)

# ---------------------------------------------------------------- domain_and_ip_reputation

_IP = Slot(
    "ip",
    "ip_address",
    "IPv4 address to check.",
    names=("ip", "ip_address", "address"),
)
_DOMAIN_NAME = Slot(
    "domain",
    "domain",
    "Internet domain name.",
    names=("domain", "domain_name", "hostname"),
)

DOMAIN_AND_IP_REPUTATION = Domain(
    "domain_and_ip_reputation",
    (
        Intent(
            names=("check_ip_reputation", "ip_abuse_score_lookup", "get_ip_threat_score"),
            summaries=(
                "Get the abuse confidence score and report history of an IP address.",
                "Check whether an IP address is known for malicious activity.",
            ),
            slots=(
                _IP,
                Slot(
                    "max_age_days",
                    "integer",
                    "Only count reports from the last this many days.",
                    names=("max_age_days", "lookback_days", "days"),
                    required=False,
                    default=90,
                    minimum=1,
                    maximum=365,
                ),
                Slot(
                    "verbose",
                    "boolean",
                    "Return the individual abuse reports too.",
                    names=("verbose", "include_reports", "detailed"),
                    required=False,
                    default=False,
                    phrases=("with the individual reports", "including report details"),
                ),
            ),
            queries=(
                "Is {ip} malicious?",
                "reputation {ip}",
                "Check the abuse score of {ip} over the last {max_age_days} days.",
                "Could you please look up {ip} {verbose}?",
                "Our firewall keeps blocking {ip} -- is it a known bad actor?",
                "What's the threat score for {ip} {verbose}?",
                "Can you tell me if {ip} has been reported in the past {max_age_days} days?",
                "My web server logs show {ip} hammering the login page; check it.",
                "ip rep {ip} {max_age_days}d {verbose}",
            ),
        ),
        Intent(
            names=("check_domain_reputation", "domain_risk_lookup", "get_domain_threat_intel"),
            summaries=(
                "Check whether a domain is associated with phishing, malware or spam.",
                "Get the risk verdict and categories of a domain.",
            ),
            slots=(_DOMAIN_NAME,),
            queries=(
                "Is {domain} safe?",
                "reputation of {domain}",
                "Check whether {domain} is a phishing site.",
                "Could you please look up the risk score of {domain}?",
                "I got an email with a link to {domain} -- is it legit?",
                "What do threat feeds say about {domain}?",
                "Can you tell me if {domain} hosts malware?",
                "My mother was asked to log in at {domain}; is that a scam?",
                "domain rep {domain}",
            ),
        ),
        Intent(
            names=("scan_url_for_threats", "url_safety_check", "submit_url_scan"),
            summaries=(
                "Scan a URL for phishing and malware.",
                "Submit a web address to a sandbox and get its verdict.",
            ),
            slots=(
                Slot(
                    "url",
                    "url",
                    "Web address to scan.",
                    names=("url", "link", "target_url"),
                ),
                Slot(
                    "visibility",
                    "enum",
                    "Who can see the scan result.",
                    names=("visibility", "scan_visibility", "privacy"),
                    required=False,
                    default="public",
                    choices=("public", "unlisted", "private"),
                    aliases={
                        "public": ("public",),
                        "unlisted": ("unlisted",),
                        "private": ("private", "confidential"),
                    },
                ),
            ),
            queries=(
                "Scan {url}.",
                "Is {url} safe to open?",
                "scan {url} {visibility}",
                "Could you please check {url} for malware?",
                "Someone sent me {url} -- scan it with {visibility} visibility.",
                "Run a URL scan on {url}, visibility {visibility}.",
                "Can you see whether {url} is a phishing page?",
                "My kid clicked {url}; please check it.",
                "check link {url}",
            ),
        ),
        Intent(
            names=("domain_whois_lookup", "get_whois_record", "whois_registration_info"),
            summaries=(
                "Get the WHOIS registration record of a domain.",
                "Look up who registered a domain, with which registrar and when.",
            ),
            slots=(_DOMAIN_NAME,),
            queries=(
                "Whois {domain}",
                "Who owns {domain}?",
                "When was {domain} registered?",
                "Could you please run a WHOIS lookup on {domain}?",
                "I want to buy {domain} -- who's the registrant?",
                "Get the registration details for {domain}.",
                "Can you find out which registrar {domain} uses?",
                "My client suspects {domain} is brand-new; check its creation date.",
                "whois lookup {domain}",
            ),
        ),
        Intent(
            names=("ip_geolocation_lookup", "geolocate_ip_address", "get_ip_location_info"),
            summaries=(
                "Find the approximate location and network owner of an IP address.",
                "Geolocate an IP to country, city and ISP.",
            ),
            slots=(_IP,),
            queries=(
                "Where is {ip} located?",
                "geo {ip}",
                "Which country is {ip} from?",
                "Could you please geolocate {ip}?",
                "A login came from {ip} -- where in the world is that?",
                "Look up the ISP and city of {ip}.",
                "Can you tell me who owns {ip}?",
                "My bank flagged a sign-in from {ip}; where was it?",
                "locate {ip}",
            ),
        ),
        Intent(
            names=("dns_records_lookup", "resolve_domain_records", "get_dns_entries"),
            summaries=(
                "Look up the DNS records of a domain.",
                "Resolve a domain's A, AAAA, MX, TXT, NS or CNAME records.",
            ),
            slots=(
                _DOMAIN_NAME,
                Slot(
                    "record_type",
                    "enum",
                    "DNS record type.",
                    names=("record_type", "type", "rrtype"),
                    required=False,
                    default="a",
                    choices=("a", "aaaa", "mx", "txt", "ns", "cname"),
                    aliases={
                        "a": ("A",),
                        "aaaa": ("AAAA", "IPv6"),
                        "mx": ("MX", "mail"),
                        "txt": ("TXT",),
                        "ns": ("NS", "nameserver"),
                        "cname": ("CNAME",),
                    },
                ),
            ),
            queries=(
                "What are the {record_type} records for {domain}?",
                "dig {domain} {record_type}",
                "Resolve {domain}.",
                "Could you please look up the DNS of {domain}?",
                "I just changed my {record_type} records on {domain} -- what do they show now?",
                "Get {record_type} entries for {domain}.",
                "Can you check where {domain} points?",
                "My email isn't arriving at {domain}; show its {record_type} records.",
                "dns {domain}",
            ),
        ),
        Intent(
            names=("ip_blocklist_check", "check_ip_dnsbl_listing", "spam_blacklist_lookup"),
            summaries=(
                "Check whether an IP address is listed on spam blocklists.",
                "Query DNS blocklists for an IP and report which ones list it.",
            ),
            slots=(_IP,),
            queries=(
                "Is {ip} on any blacklist?",
                "blocklist check {ip}",
                "Check {ip} against spam blocklists.",
                "Could you please see if {ip} is blacklisted?",
                "Our newsletters from {ip} bounce -- are we listed somewhere?",
                "Which DNSBLs list {ip}?",
                "Can you tell me whether {ip} is flagged for spam?",
                "My mail server is {ip}; is it on Spamhaus or similar lists?",
                "dnsbl {ip}",
            ),
        ),
        Intent(
            names=("report_abusive_ip", "ip_abuse_report_submit", "flag_malicious_ip"),
            summaries=(
                "Report an IP address for abusive behaviour.",
                "Submit an abuse report with attack categories for an IP.",
            ),
            slots=(
                _IP,
                Slot(
                    "categories",
                    "enum",
                    "Kinds of abuse observed.",
                    names=("categories", "abuse_types", "attack_types"),
                    many=True,
                    choices=("spam", "brute_force", "port_scan", "phishing", "ddos", "web_attack"),
                    aliases={
                        "spam": ("spam",),
                        "brute_force": ("brute force", "password guessing"),
                        "port_scan": ("port scanning", "port scan"),
                        "phishing": ("phishing",),
                        "ddos": ("DDoS", "denial of service"),
                        "web_attack": ("web attacks", "SQL injection attempts"),
                    },
                ),
                Slot(
                    "comment",
                    "text",
                    "What was seen.",
                    names=("comment", "details", "notes"),
                    required=False,
                    examples=(
                        "500 failed SSH logins in ten minutes",
                        "probing /wp-admin every few seconds",
                        "sent phishing mails spoofing our CEO",
                        "scanned ports 1-1024 on all our hosts",
                        "flooded the API with junk requests",
                    ),
                ),
            ),
            queries=(
                "Report {ip} for {categories}.",
                "Flag {ip}: {categories}. Notes: {comment}.",
                "report {ip} {categories}",
                "Could you please file an abuse report on {ip} for {categories}?",
                "I caught {ip} doing {categories} -- {comment}. Report it.",
                "Submit {ip} as malicious ({categories}).",
                "Can you report {ip}? Categories: {categories}. Notes: {comment}.",
                "My honeypot saw {categories} from {ip}; report it.",
                'abuse report {ip} {categories} "{comment}"',
            ),
        ),
    ),
)

# ---------------------------------------------------------------- math_and_calculation

_PRINCIPAL = Slot(
    "principal",
    "number",
    "Starting amount of money.",
    names=("principal", "amount", "initial_amount"),
    minimum=100,
    maximum=2000000,
)
_ANNUAL_RATE = Slot(
    "annual_rate",
    "number",
    "Yearly interest rate in percent.",
    names=("annual_rate", "interest_rate", "rate_percent"),
    minimum=0.5,
    maximum=25,
)
_YEARS = Slot(
    "years",
    "integer",
    "Length of the term in years.",
    names=("years", "term_years", "duration_years"),
    minimum=1,
    maximum=40,
)

MATH_AND_CALCULATION = Domain(
    "math_and_calculation",
    (
        Intent(
            names=(
                "evaluate_math_expression",
                "calculator_evaluate",
                "compute_arithmetic_expression",
            ),
            summaries=(
                "Evaluate an arithmetic expression and return the result.",
                "Calculate the value of a formula with +, -, *, /, powers and roots.",
            ),
            slots=(
                Slot(
                    "expression",
                    "text",
                    "The expression to evaluate.",
                    names=("expression", "expr", "formula"),
                    examples=(
                        "(12.5 * 4) / 3",
                        "sqrt(144) + 2^5",
                        "17% of 2300 + 45",
                        "(3.2 + 4.8) * (9 - 2.5)",
                        "1250 / 12 * 1.07",
                        "2^10 - 3^5",
                    ),
                ),
                _DECIMALS,
            ),
            queries=(
                "Calculate {expression}.",
                "What's {expression}?",
                "{expression} =",
                "Could you please work out {expression} to {decimals} decimal places?",
                "I need the result of {expression} for my spreadsheet.",
                "Evaluate {expression}, rounded to {decimals} places.",
                "Can you compute {expression} for me?",
                "My homework asks for {expression} -- what do you get?",
                "calc {expression}",
            ),
        ),
        Intent(
            names=("percentage_of_number", "calculate_percent_of_value", "percent_share_compute"),
            summaries=(
                "Work out a percentage of a number.",
                "Return what a given percent of an amount is.",
            ),
            slots=(
                Slot(
                    "percent",
                    "number",
                    "The percentage.",
                    names=("percent", "percentage", "pct"),
                    minimum=0.5,
                    maximum=100,
                ),
                Slot(
                    "value",
                    "number",
                    "The number to take the percentage of.",
                    names=("value", "number", "base_value"),
                    minimum=1,
                    maximum=100000,
                ),
            ),
            queries=(
                "What is {percent}% of {value}?",
                "{percent} percent of {value}",
                "Calculate {percent}% of {value}.",
                "Could you please tell me what {percent} percent of {value} comes to?",
                "The discount is {percent}% on {value} -- how much do I save?",
                "I owe {percent}% tax on {value}; how much is that?",
                "Can you work out {percent}% of {value}?",
                "My commission is {percent}% of {value}. What do I earn?",
                "{percent}% x {value}",
            ),
        ),
        Intent(
            names=("percent_change_between", "compute_percentage_change", "growth_rate_calculate"),
            summaries=(
                "Compute the percentage change from an old value to a new one.",
                "Return how much a number grew or shrank, in percent.",
            ),
            slots=(
                Slot(
                    "old_value",
                    "number",
                    "The starting value.",
                    names=("old_value", "start_value", "before"),
                    minimum=1,
                    maximum=100000,
                ),
                Slot(
                    "new_value",
                    "number",
                    "The ending value.",
                    names=("new_value", "end_value", "after"),
                    minimum=1,
                    maximum=100000,
                ),
            ),
            queries=(
                "What's the percent change from {old_value} to {new_value}?",
                "{old_value} -> {new_value} % change",
                "By what percentage did it go from {old_value} to {new_value}?",
                "Could you please calculate the growth from {old_value} to {new_value}?",
                "Sales went from {old_value} to {new_value} -- what's that in percent?",
                "Compute the percentage difference between {old_value} and {new_value}.",
                "Can you tell me how much {old_value} rising to {new_value} is in percent?",
                "My rent went from {old_value} to {new_value}; how big an increase is that?",
                "pct change {old_value} {new_value}",
            ),
        ),
        Intent(
            names=(
                "calculate_loan_payment",
                "mortgage_installment_compute",
                "amortized_payment_calc",
            ),
            summaries=(
                "Calculate the regular payment of an amortizing loan.",
                "Work out the installment for a loan or mortgage from amount, rate and term.",
            ),
            slots=(
                _PRINCIPAL,
                _ANNUAL_RATE,
                _YEARS,
                Slot(
                    "payment_frequency",
                    "enum",
                    "How often payments are made.",
                    names=("payment_frequency", "frequency", "payments_per"),
                    required=False,
                    default="monthly",
                    choices=("monthly", "biweekly", "weekly"),
                    aliases={
                        "monthly": ("monthly",),
                        "biweekly": ("biweekly", "fortnightly"),
                        "weekly": ("weekly",),
                    },
                ),
            ),
            queries=(
                "What's the payment on a {principal} loan at {annual_rate}% for {years} years?",
                "mortgage {principal} {annual_rate}% {years}y {payment_frequency}",
                "Calculate the {payment_frequency} payment for {principal} at {annual_rate}% "
                "over {years} years.",
                "Could you please work out my installment: {principal} borrowed, "
                "{annual_rate}% interest, {years}-year term?",
                "I'm buying a house with a {principal} mortgage at {annual_rate}% over "
                "{years} years. What will I pay {payment_frequency}?",
                "How much would I repay each month on {principal} at {annual_rate}% for "
                "{years} years?",
                "Can you compute {payment_frequency} payments for a {years}-year loan of "
                "{principal} at {annual_rate} percent?",
                "My car loan is {principal} at {annual_rate}% for {years} years -- what's "
                "the payment?",
                "loan payment {principal} at {annual_rate} percent, {years} years",
            ),
        ),
        Intent(
            names=(
                "compound_interest_future_value",
                "savings_growth_project",
                "compound_interest_projection",
            ),
            summaries=(
                "Project how savings grow with compound interest.",
                "Compute the future value of a deposit, with optional monthly contributions.",
            ),
            slots=(
                _PRINCIPAL,
                _ANNUAL_RATE,
                _YEARS,
                Slot(
                    "compounding",
                    "enum",
                    "How often interest is compounded.",
                    names=("compounding", "compound_frequency", "periods_per_year"),
                    required=False,
                    default="annually",
                    choices=("annually", "quarterly", "monthly", "daily"),
                    aliases={
                        "annually": ("annually", "yearly"),
                        "quarterly": ("quarterly",),
                        "monthly": ("monthly",),
                        "daily": ("daily",),
                    },
                ),
                Slot(
                    "monthly_contribution",
                    "number",
                    "Amount added every month.",
                    names=("monthly_contribution", "monthly_deposit", "contribution"),
                    required=False,
                    minimum=10,
                    maximum=10000,
                ),
            ),
            queries=(
                "How much will {principal} grow to at {annual_rate}% in {years} years?",
                "compound {principal} {annual_rate}% {years} years {compounding}",
                "Calculate compound interest on {principal} at {annual_rate}% compounded "
                "{compounding} for {years} years.",
                "Could you please project my savings: {principal} now, {monthly_contribution} "
                "a month, {annual_rate}% for {years} years?",
                "I'm putting {principal} in a CD at {annual_rate}% for {years} years -- what "
                "will it be worth?",
                "If I invest {principal} at {annual_rate}% and add {monthly_contribution} "
                "monthly, what do I have after {years} years?",
                "Can you compute the future value of {principal} at {annual_rate}% over "
                "{years} years?",
                "My grandson's fund has {principal}; at {annual_rate}% compounded "
                "{compounding}, what's it worth in {years} years?",
                "fv {principal} rate {annual_rate} years {years}",
            ),
        ),
        Intent(
            names=("split_bill_with_tip", "tip_calculator_split", "restaurant_bill_divide"),
            summaries=(
                "Add a tip to a bill and split the total between people.",
                "Work out the tip and each person's share of a bill.",
            ),
            slots=(
                Slot(
                    "bill_amount",
                    "number",
                    "Bill total before tip.",
                    names=("bill_amount", "bill", "total"),
                    minimum=5,
                    maximum=2000,
                ),
                Slot(
                    "tip_percent",
                    "number",
                    "Tip in percent.",
                    names=("tip_percent", "tip", "tip_rate"),
                    required=False,
                    default=15,
                    minimum=0,
                    maximum=30,
                ),
                Slot(
                    "people",
                    "integer",
                    "How many people share the bill.",
                    names=("people", "split_between", "num_people"),
                    required=False,
                    default=1,
                    minimum=1,
                    maximum=20,
                ),
            ),
            queries=(
                "What's a {tip_percent}% tip on {bill_amount}?",
                "Split {bill_amount} between {people} people with a {tip_percent}% tip.",
                "tip {bill_amount} {tip_percent}%",
                "Could you please work out the tip on a {bill_amount} bill?",
                "We're {people} at dinner and the bill is {bill_amount} -- how much each?",
                "Calculate {tip_percent} percent tip on {bill_amount}, split {people} ways.",
                "Can you tell me how much to leave on {bill_amount}?",
                "My friends and I ({people} of us) owe {bill_amount}; what's each share "
                "including {tip_percent}% tip?",
                "bill {bill_amount} split {people}",
            ),
        ),
        Intent(
            names=(
                "compute_descriptive_statistic",
                "number_list_statistic",
                "stats_of_numbers",
            ),
            summaries=(
                "Compute a summary statistic of a list of numbers.",
                "Return the mean, median, mode, spread or range of some values.",
            ),
            slots=(
                Slot(
                    "numbers",
                    "number",
                    "The values.",
                    names=("numbers", "values", "data"),
                    many=True,
                    minimum=-1000,
                    maximum=1000,
                ),
                Slot(
                    "statistic",
                    "enum",
                    "Which statistic to compute.",
                    names=("statistic", "measure", "stat"),
                    choices=(
                        "mean",
                        "median",
                        "mode",
                        "standard_deviation",
                        "variance",
                        "range",
                    ),
                    aliases={
                        "mean": ("mean", "average"),
                        "median": ("median",),
                        "mode": ("mode",),
                        "standard_deviation": ("standard deviation", "std dev"),
                        "variance": ("variance",),
                        "range": ("range", "spread between min and max"),
                    },
                ),
            ),
            queries=(
                "What's the {statistic} of {numbers}?",
                "{statistic} of {numbers}",
                "Compute the {statistic} for these values: {numbers}.",
                "Could you please find the {statistic} of {numbers}?",
                "I have the scores {numbers}; what's their {statistic}?",
                "Give me the {statistic}, data: {numbers}.",
                "Can you calculate the {statistic} of {numbers} for me?",
                "My experiment gave {numbers}. What is the {statistic}?",
                "{numbers} -> {statistic}",
            ),
        ),
        Intent(
            names=("solve_algebra_equation", "equation_solver_run", "find_equation_roots"),
            summaries=(
                "Solve an algebraic equation for its unknown.",
                "Find the solutions of a linear or quadratic equation.",
            ),
            slots=(
                Slot(
                    "equation",
                    "text",
                    "The equation to solve.",
                    names=("equation", "expression", "problem"),
                    examples=(
                        "2x + 5 = 17",
                        "x^2 - 5x + 6 = 0",
                        "3(y - 4) = 2y + 7",
                        "x/4 + 3 = 11",
                        "5z - 2 = 3z + 10",
                        "2x^2 + 3x - 2 = 0",
                    ),
                ),
                Slot(
                    "show_steps",
                    "boolean",
                    "Explain each step of the solution.",
                    names=("show_steps", "with_steps", "explain"),
                    required=False,
                    default=False,
                    phrases=("showing the steps", "step by step"),
                ),
            ),
            queries=(
                "Please solve the equation {equation}.",
                "Solve {equation} {show_steps}.",
                "{equation}, solve",
                "Could you please solve {equation} {show_steps}?",
                "I'm stuck on {equation} -- what's the answer?",
                "Find the roots of {equation}.",
                "Can you work out {equation} {show_steps}?",
                "My daughter's homework says {equation}; how do we solve it?",
                "solve for the unknown: {equation}",
            ),
        ),
    ),
)

DOMAINS: tuple[Domain, ...] = (
    CURRENCY_EXCHANGE,
    UNIT_CONVERSION,
    STOCKS,
    BANKING,
    INVOICES_AND_PAYMENTS,
    CRYPTO,
    ONLINE_SHOPPING,
    PARCEL_TRACKING,
    VULNERABILITIES_CVE,
    DOMAIN_AND_IP_REPUTATION,
    MATH_AND_CALCULATION,
)
