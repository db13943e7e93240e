/**
 * The versioned SPI of moonx-events: what generated code calls (codecs and their helpers,
 * dispatchers, the envelope serializer) and what integrations build on (the event factory, the
 * header names, the exceptions a serializer throws). A catalog jar built by another team
 * compiles against this package, so it changes only with the major version. Services rarely
 * need it directly: {@link farm.moonx.events.spi.JacksonDatabindCodec} for records without a
 * generated codec, and {@link farm.moonx.events.spi.EventSerializer} to plug in another body
 * format.
 */
package farm.moonx.events.spi;
