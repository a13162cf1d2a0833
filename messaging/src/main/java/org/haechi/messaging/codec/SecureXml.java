package org.haechi.messaging.codec;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM with DTDs, entities and external access all refused (JDK parser only).
 * Stateless and thread-safe: every call builds its own parser.
 */
final class SecureXml {
    static final long MAX_BYTES = 8L * 1024 * 1024;
    static final String DTD_REJECTED = "unsafe XML: a DTD (DOCTYPE declaration) is not allowed";
    /** Deepest element nesting accepted: CAP needs 5 levels, a signature about 8; DOM recursion stays shallow. */
    static final int MAX_DEPTH = 100;
    static final String TOO_DEEP = "unsafe XML: elements nested deeper than " + MAX_DEPTH + " levels";
    private static final String MAX_DEPTH_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not stop a non-validating parse
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {
    }

    /** Parses {@code xml} namespace-aware; every refusal or syntax error becomes a {@link ContractViolation}. */
    static Document parse(String xml) throws ContractViolation {
        if (xml == null || xml.isBlank()) {
            throw new ContractViolation("empty body");
        }
        if (utf8Length(xml) > MAX_BYTES) {
            throw new ContractViolation("document larger than 8 MiB");
        }
        if (declaresDoctype(xml)) {
            throw new ContractViolation(DTD_REJECTED);
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(RETHROW);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            // A UTF-8 file saved with a byte-order mark keeps it as the text's first character, which the parser
            // refuses as content before the prolog.
            String document = xml.charAt(0) == '\uFEFF' ? xml.substring(1) : xml;
            return builder.parse(new InputSource(new StringReader(document)));
        } catch (SAXParseException e) {
            throw new ContractViolation(reason(e), e);
        } catch (SAXException e) {
            throw new ContractViolation("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("secure XML parser unavailable", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature(DISALLOW_DOCTYPE, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute(MAX_DEPTH_PROPERTY, String.valueOf(MAX_DEPTH));
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private static String reason(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE") || message.contains(DISALLOW_DOCTYPE)) {
            return DTD_REJECTED;
        }
        if (message.contains("maxElementDepth")) {
            return TOO_DEEP;
        }
        return "not well-formed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + message;
    }

    /** True when the prolog (before the root element) holds a DOCTYPE declaration. */
    static boolean declaresDoctype(String xml) {
        int i = !xml.isEmpty() && xml.charAt(0) == '\uFEFF' ? 1 : 0;
        int n = xml.length();
        while (i < n) {
            char c = xml.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (xml.startsWith("<?", i)) {
                int end = xml.indexOf("?>", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
            } else {
                return xml.startsWith("<!DOCTYPE", i);
            }
        }
        return false;
    }

    /** Number of bytes {@code s} takes in UTF-8, without encoding it. */
    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
