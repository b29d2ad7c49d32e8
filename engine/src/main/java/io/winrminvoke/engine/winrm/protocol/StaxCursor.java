package io.winrminvoke.engine.winrm.protocol;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A StAX reader as an {@link XmlCursor}: for every document {@link PlainXml} does not read. */
final class StaxCursor implements XmlCursor {

    private final XMLStreamReader xml;

    StaxCursor(XMLStreamReader xml) {
        this.xml = xml;
    }

    @Override
    public boolean hasNext() throws XMLStreamException {
        return xml.hasNext();
    }

    @Override
    public int next() throws XMLStreamException {
        return xml.next();
    }

    @Override
    public String namespaceUri() {
        return xml.getNamespaceURI();
    }

    @Override
    public String localName() {
        return xml.getLocalName();
    }

    @Override
    public String attribute(String localName) {
        return xml.getAttributeValue(null, localName);
    }

    @Override
    public String text() {
        return xml.getText();
    }
}
