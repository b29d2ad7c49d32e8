package io.winrminvoke.engine.winrm.protocol;

import javax.xml.stream.XMLStreamException;

/**
 * The part of a StAX reader {@link ResponseParser} reads a document with: start and end tags
 * (namespace-aware), unprefixed attributes and text. {@link PlainXml} for plain documents, StAX
 * for everything else.
 */
interface XmlCursor {

    boolean hasNext() throws XMLStreamException;

    /** {@code XMLStreamConstants.START_ELEMENT}, {@code END_ELEMENT}, {@code CHARACTERS} or another event. */
    int next() throws XMLStreamException;

    /** The current element's namespace, or null for none. */
    String namespaceUri();

    String localName();

    /** The current start tag's attribute of that local name (in any namespace), or null. */
    String attribute(String localName);

    /** The current text event's characters. */
    String text();
}
